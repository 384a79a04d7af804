package scot.goldenthread.measures;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stores each approved value with its commentary, as the update cycle announces it. */
@Component
class ApprovedValues {

	private final ObservationImporter importer;

	private final Commentary commentary;

	ApprovedValues(ObservationImporter importer, Commentary commentary) {
		this.importer = importer;
		this.commentary = commentary;
	}

	@EventListener
	void on(ValueApproved approved) {
		this.importer.importValue(approved.source(), approved.measure(), approved.period(), approved.value(), approved.valueStatus(),
				approved.note());
		this.commentary.write(approved.measure(), approved.period().code(), approved.commentary(), approved.writtenBy());
	}

}
