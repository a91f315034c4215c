package dev.tower.audit;

/** The result of walking the audit hash chain: intact, or the first entry that is not. */
public record ChainCheck(long rowsChecked, Long firstBrokenSeq, String problem) {
    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
