SELECT seq, head_hash, taken_at FROM tower_audit.checkpoint()
