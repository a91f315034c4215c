-- What the audit operations page to: the busiest actor (for the filtered page) and the seq just above
-- the last page (the deepest keyset position), with how many newer rows an OFFSET must skip to get there.
SELECT (SELECT actor_login FROM public.audit_logs GROUP BY actor_login ORDER BY count(*) DESC, actor_login LIMIT 1)
           AS busiest_actor,
       deep.seq AS deep_before_seq,
       deep.newer AS deep_offset
FROM (SELECT seq, row_number() OVER (ORDER BY seq DESC) - 1 AS newer
      FROM public.audit_logs
      ORDER BY seq
      OFFSET 50 LIMIT 1) deep
