package scot.goldenthread.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A text file as people save it: UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1252,
 * which is how Excel saves "CSV" on most council desktops. Which one was read is said, and a file that is
 * none of them, or not text at all (a PDF or a workbook named .csv), is refused rather than stored garbled.
 */
public final class TextFiles {

	/** How much of a file is looked at to tell its encoding: a byte that is not UTF-8 shows long before this. */
	private static final int SAMPLE = 1024 * 1024;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TextFiles() {
	}

	/** The file's text, with the name of the encoding it was read in. */
	public record Opened(Reader reader, String encoding) {
	}

	/** Opens the file as text, or throws {@link IllegalArgumentException} saying why it is not text this can read. */
	public static Opened open(InputStream in) throws IOException {
		BufferedInputStream file = new BufferedInputStream(in, SAMPLE);
		file.mark(SAMPLE);
		byte[] sample = file.readNBytes(SAMPLE);
		file.reset();
		if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
			file.skipNBytes(3);
			return new Opened(reader(file, StandardCharsets.UTF_8), "UTF-8 (with a byte-order mark)");
		}
		if (startsWith(sample, 0xFE, 0xFF) || startsWith(sample, 0xFF, 0xFE)) {
			// Java's UTF-16 reads the byte-order mark and takes it off
			return new Opened(reader(file, StandardCharsets.UTF_16), "UTF-16");
		}
		if (startsWith(sample, '%', 'P', 'D', 'F')) {
			throw new IllegalArgumentException("the file is a PDF document, not a CSV file");
		}
		if (startsWith(sample, 'P', 'K', 3, 4)) {
			throw new IllegalArgumentException("the file is a zip archive (such as an Excel workbook), not a CSV file: name a workbook .xlsx");
		}
		for (byte b : sample) {
			if (b == 0) {
				throw new IllegalArgumentException("the file is not text: it holds NUL bytes");
			}
		}
		if (decodes(sample, StandardCharsets.UTF_8)) {
			return new Opened(reader(file, StandardCharsets.UTF_8), "UTF-8");
		}
		if (decodes(sample, WINDOWS_1252)) {
			return new Opened(reader(file, WINDOWS_1252), "Windows-1252");
		}
		throw new IllegalArgumentException("the file is not text in UTF-8, UTF-16 or Windows-1252: save it as CSV UTF-8");
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Whether the sample is this encoding throughout; a character cut off at the sample's end is no fault. */
	private static boolean decodes(byte[] sample, Charset charset) {
		return !strict(charset).decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length), false).isError();
	}

	/** A reader that throws {@link java.nio.charset.CharacterCodingException} where the rest of the file is not the same encoding. */
	private static Reader reader(InputStream in, Charset charset) {
		return new InputStreamReader(in, strict(charset));
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}
