-- A hash of what readers and segmentation derived from a document's text (metadata and
-- sections): when a newer reader derives something else from the same text at the same
-- path, the document is refreshed rather than kept as it was.
ALTER TABLE documents ADD COLUMN derived_hash TEXT;
