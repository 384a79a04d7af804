package scot.goldenthread.reports;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

import org.springframework.http.MediaType;

/** The formats every report comes in, with what a browser and a file system need to know of each. */
public enum ReportFormat implements Coded {

	HTML("text/html;charset=UTF-8", "html"), PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), CSV("text/csv;charset=UTF-8", "csv");

	private final MediaType mediaType;

	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = MediaType.parseMediaType(mediaType);
		this.extension = extension;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public static Optional<ReportFormat> of(String code) {
		return Coded.of(ReportFormat.class, code);
	}

}
