-- Sentences are written and read a whole document at a time and never queried one by one,
-- so they are one column of the document ("paragraph,start,end" per sentence, joined by
-- ';', in text order) instead of a row each: the rows were a fifth of the store's time
-- when ingesting (issue 12). The index on facts(kind) goes too: maintaining it was another
-- fifth, and its one query (a country's facts of a kind) now starts from the country's
-- documents instead.
ALTER TABLE documents ADD COLUMN sentences TEXT NOT NULL DEFAULT '';
UPDATE documents SET sentences = COALESCE(
    (SELECT group_concat(s.paragraph || ',' || s.start || ',' || s."end", ';' ORDER BY s.idx)
     FROM sentences s WHERE s.document_id = documents.id),
    '');
DROP TABLE sentences;
DROP INDEX facts_kind;
