package dev.tower.ui.kit;

/**
 * A stored document as the viewer receives it.
 *
 * @param content        the bytes, or null when the file is missing
 * @param expectedSha256 the hash recorded when the document was uploaded (lower-case hex)
 * @param storedSize     the size the database recorded, checked before the bytes are fetched
 */
public record DocumentBytes(String fileName, String contentType, byte[] content, String expectedSha256, long storedSize) {}
