SELECT rows_checked, first_broken_seq, problem FROM tower_audit.verify(0, NULL, :seq, :hash)
