-- Accounts an import created for firms with a contact e-mail or mobile, with their one-time activation codes for the
-- clerk to hand over (the account itself keeps only the code's hash).
ALTER TABLE import_job ADD COLUMN accounts TEXT NOT NULL DEFAULT '[]';
