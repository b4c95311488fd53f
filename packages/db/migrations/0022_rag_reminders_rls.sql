-- The monthly RAG reminder's record (issue 8 §4): a council table, written once a month and never changed.
SELECT steward_protect_tenant_table('rag_reminders', 'SELECT, INSERT');
