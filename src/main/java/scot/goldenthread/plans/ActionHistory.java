package scot.goldenthread.plans;

import java.time.OffsetDateTime;
import java.util.List;

/** An action's updates over time, as the update cycle answers it; plans know nothing more of that cycle. */
public interface ActionHistory {

	/** Latest first; with {@code unpublished}, updates not yet approved too. */
	List<Entry> timeline(long elementId, boolean unpublished);

	record Entry(String periodName, int progress, Assessment assessment, String note, String stateLabel, boolean approved,
			String writtenBy, String reviewedBy, OffsetDateTime reviewedAt) {
	}

}
