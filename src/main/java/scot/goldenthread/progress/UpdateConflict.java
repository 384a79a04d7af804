package scot.goldenthread.progress;

/** Someone else changed the update since the writer opened it: their save is refused, never silently overwritten. */
class UpdateConflict extends UpdateRefused {

	UpdateConflict(String message) {
		super("", message);
	}

}
