-- The review workflow (issue 14): a worksheet is a team assessment that goes
-- draft -> submitted -> approved | returned (with a comment) -> (revised) submitted ...
-- It carries a proposed tier and the fact ids its notes rest on; who decided, when, and the
-- reviewer's comment. Worksheets saved before this migration are drafts.
ALTER TABLE worksheets ADD COLUMN state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'returned'));
ALTER TABLE worksheets ADD COLUMN proposed_tier TEXT;
ALTER TABLE worksheets ADD COLUMN fact_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE worksheets ADD COLUMN updated_at TEXT;
ALTER TABLE worksheets ADD COLUMN decided_by TEXT;
ALTER TABLE worksheets ADD COLUMN decided_at TEXT;
ALTER TABLE worksheets ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
