package scot.goldenthread.shared;

import java.util.Base64;

/** A picture inside the page or file that shows it, so that a saved page or a PDF stands alone. */
public final class DataUri {

	private DataUri() {
	}

	/** "data:image/png;base64,…", or null where there is no picture. */
	public static String of(String type, byte[] bytes) {
		return (bytes == null) ? null : "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
	}

}
