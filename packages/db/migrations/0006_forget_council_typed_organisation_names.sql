-- Issue 6 §2.5: every name in the shared registry so far was typed by whichever council linked the organisation
-- first, and was shown to every other council that linked it. None came from an authoritative source: forget them.
UPDATE "organisations" SET "name" = NULL, "aliases" = '{}';
