package scot.goldenthread.measures;

/** An observation file refused whole; nothing was changed. */
public class ObservationImportException extends RuntimeException {

	private final transient ObservationImporter.Report report;

	ObservationImportException(ObservationImporter.Report report) {
		super("The file " + report.file() + " was not imported: " + report.errorCount() + " problems");
		this.report = report;
	}

	public ObservationImporter.Report report() {
		return this.report;
	}

}
