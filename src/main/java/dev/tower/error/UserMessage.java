package dev.tower.error;

/**
 * A failure as people read it: a short title, one or two plain sentences, and technical details
 * that the UI keeps collapsed (for whoever has to find out why).
 */
public record UserMessage(String title, String text, String details) {
}
