SELECT ops.analyze_table(:table)
