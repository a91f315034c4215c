package dev.tower.audit;

import dev.tower.error.ValidationException;
import dev.tower.db.PrivateFiles;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Reading the audit log and checking its hash chain (admin). */
public final class AuditService {
    public static final int MAX_PAGE = 500;

    /** One page, and where the next one starts (null when this was the last). */
    public record Page(List<AuditEntry> entries, Long nextBeforeSeq) {}

    private final Session session;

    public AuditService(Session session) {
        this.session = session;
    }

    /** @param beforeSeq the {@link Page#nextBeforeSeq()} of the previous page, or null for the newest */
    public Page page(AuditFilter filter, Long beforeSeq, int size) {
        AccessGuard.require(session, Permission.VIEW_AUDIT_LOG);
        if (size < 1 || size > MAX_PAGE) {
            throw new ValidationException("audit.bad_page_size", "A page holds 1 to " + MAX_PAGE + " entries.");
        }
        AuditFilter f = filter == null ? AuditFilter.ANY : filter;
        // one extra row says whether another page exists without a count(*) over the whole log
        List<AuditEntry> rows = session.jdbi().withExtension(AuditDao.class, dao -> dao.page(f, beforeSeq, size + 1));
        boolean more = rows.size() > size;
        List<AuditEntry> entries = more ? rows.subList(0, size) : rows;
        return new Page(List.copyOf(entries), more ? entries.getLast().seq() : null);
    }

    public List<FieldChange> changes(long seq) {
        AccessGuard.require(session, Permission.VIEW_AUDIT_LOG);
        return session.jdbi().withExtension(AuditDao.class, dao -> dao.changes(seq));
    }

    public List<String> actionNames() {
        AccessGuard.require(session, Permission.VIEW_AUDIT_LOG);
        return session.jdbi().withExtension(AuditDao.class, AuditDao::actionNames);
    }

    public ChainCheck verifyChain() {
        AccessGuard.require(session, Permission.VERIFY_AUDIT_CHAIN);
        return session.jdbi().withExtension(AuditDao.class, AuditDao::verifyChain);
    }

    /** Where the chain ends now; keep it outside the database (see {@link #exportCheckpoint}). */
    public AuditCheckpoint checkpoint() {
        AccessGuard.require(session, Permission.VERIFY_AUDIT_CHAIN);
        return session.jdbi().withExtension(AuditDao.class, AuditDao::checkpoint);
    }

    /** Writes the current checkpoint to a small text file readable by the user alone. */
    public AuditCheckpoint exportCheckpoint(Path file) {
        AccessGuard.require(session, Permission.VERIFY_AUDIT_CHAIN);
        AuditCheckpoint checkpoint = checkpoint();
        try {
            PrivateFiles.write(file, checkpoint.toText()); // created 600: never readable by others, even briefly
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the checkpoint to " + file, e);
        }
        return checkpoint;
    }

    /** Proves the log up to the checkpoint was not rewritten (walks the whole chain). */
    public ChainCheck verifyAgainst(AuditCheckpoint checkpoint) {
        AccessGuard.require(session, Permission.VERIFY_AUDIT_CHAIN);
        return session.jdbi().withExtension(AuditDao.class, dao -> dao.verifyAgainst(checkpoint.seq(), checkpoint.headHash()));
    }

    /** Checks only what was appended after a checkpoint already verified: cheap, run it often. */
    public ChainCheck verifyFrom(AuditCheckpoint checkpoint) {
        AccessGuard.require(session, Permission.VERIFY_AUDIT_CHAIN);
        return session.jdbi().withExtension(AuditDao.class, dao -> dao.verifyFrom(checkpoint.seq(), checkpoint.headHash()));
    }
}
