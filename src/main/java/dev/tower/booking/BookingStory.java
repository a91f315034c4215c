package dev.tower.booking;

import java.util.List;
import java.util.Optional;

/** A booking's whole page: the booking, its timeline in time order, its thread, reviews and legal moves. */
public record BookingStory(BookingPage booking, List<TimelineEvent> timeline, List<ThreadMessage> thread,
                           List<BookingReview> reviews, List<String> nextStates, Optional<CustomerContact> contact) {}
