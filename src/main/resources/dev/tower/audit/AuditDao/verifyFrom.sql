SELECT rows_checked, first_broken_seq, problem FROM tower_audit.verify(:seq, :hash, NULL, NULL)
