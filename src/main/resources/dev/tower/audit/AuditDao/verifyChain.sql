SELECT rows_checked, first_broken_seq, problem FROM ops.verify_audit_chain()
