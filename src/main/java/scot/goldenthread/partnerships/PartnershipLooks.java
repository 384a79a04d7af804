package scot.goldenthread.partnerships;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each partnership's own look, its logo kept with it, and the name it goes by; a partnership without a look takes the look
 * of the partnership above it.
 */
@Service
public class PartnershipLooks {

	/** A logo is a small picture: a header's, not a photograph's. */
	static final int LOGO_BYTES = 512 * 1024;

	static final int LOGO_PIXELS = 4000;

	/** White text on the colour must pass WCAG 2.2 AA for normal text. */
	static final double CONTRAST = 4.5;

	private final JdbcClient jdbc;

	private final PartnershipDirectory directory;

	private final AuditLog audit;

	PartnershipLooks(JdbcClient jdbc, PartnershipDirectory directory, AuditLog audit) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
	}

	/** The partnership's look, or else the look of the partnership it is part of. */
	public Optional<Look> of(String partnershipCode) {
		return this.jdbc.sql("""
				select p.code as partnership_code, p.name, l.colour, l.font, l.contact, l.licence, l.logo is not null as logo,
				       coalesce(l.logo_width, 0) as logo_width, coalesce(l.logo_height, 0) as logo_height, l.version
				from partnership_look l join partnership p on p.id = l.partnership_id
				where p.code = ? or p.id = (select parent_id from partnership where code = ?)
				order by p.code = ? desc limit 1""")
			.params(partnershipCode, partnershipCode, partnershipCode)
			.query(Look.class)
			.optional();
	}

	/** The partnership's own look, not its parent's. */
	public Optional<Look> own(String partnershipCode) {
		return of(partnershipCode).filter((look) -> look.partnershipCode().equals(partnershipCode));
	}

	public record Logo(byte[] bytes, String type) {
	}

	public Optional<Logo> logo(String partnershipCode) {
		return this.jdbc.sql("""
				select l.logo, l.logo_type from partnership_look l join partnership p on p.id = l.partnership_id
				where p.code = ? and l.logo is not null""")
			.param(partnershipCode)
			.query((rs, row) -> new Logo(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	/**
	 * What the partnership's owner sets: the name it goes by, and its look. {@code logo} is a new logo's file, or null to
	 * keep the one there is; {@code removeLogo} takes it away. Text is stripped.
	 */
	public record Change(String name, String colour, String font, String contact, String licence, byte[] logo, boolean removeLogo) {
	}

	/** Sets the partnership's look, or refuses it with each problem beside its field, changing nothing. */
	@Transactional
	public Look set(String partnershipCode, Change change) {
		Partnership partnership = this.directory.partnership(partnershipCode).orElseThrow();
		Map<String, String> problems = new LinkedHashMap<>();
		String name = line(change.name(), "name", problems);
		if (name.isEmpty()) {
			problems.put("name", "Enter the name the partnership goes by, one line of up to 200 characters");
		}
		String colour = (change.colour() != null) ? change.colour().strip().toLowerCase(Locale.ROOT) : "";
		if (!colour.matches("#[0-9a-f]{6}")) {
			problems.put("colour", "Enter the colour as a hash and six hexadecimal digits, for example #1d70b8");
		}
		else if (Look.contrastWithWhite(colour) < CONTRAST) {
			problems.put("colour", String.format(Locale.ROOT,
					"White text on %s has a contrast of %.1f to 1; choose a darker colour, with at least 4.5 to 1", colour, Look.contrastWithWhite(colour)));
		}
		if (!Look.FONTS.contains(change.font())) {
			problems.put("font", "Choose one of the fonts listed");
		}
		String contact = line(change.contact(), "contact", problems);
		String licence = line(change.licence(), "licence", problems);
		Picture picture = (change.logo() != null && change.logo().length > 0) ? picture(change.logo(), problems) : null;
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		if (!name.equals(partnership.name())) {
			this.jdbc.sql("update partnership set name = ? where id = ?").params(name, partnership.id()).update();
			this.audit.updated("partnership", partnership.id(), "Renamed " + partnership.name() + " as " + name, partnership,
					this.directory.partnership(partnership.id()).orElseThrow());
		}
		Optional<Look> before = own(partnershipCode);
		this.jdbc.sql("""
				insert into partnership_look (partnership_id, colour, font, contact, licence) values (?, ?, ?, ?, ?)
				on conflict (partnership_id) do update set colour = excluded.colour, font = excluded.font, contact = excluded.contact,
				    licence = excluded.licence, version = partnership_look.version + 1""")
			.params(partnership.id(), colour, change.font(), contact, licence)
			.update();
		if (picture != null || change.removeLogo()) {
			this.jdbc.sql("update partnership_look set logo = ?, logo_type = ?, logo_width = ?, logo_height = ? where partnership_id = ?")
				.params((picture != null) ? change.logo() : null, (picture != null) ? picture.type() : null,
						(picture != null) ? picture.width() : null, (picture != null) ? picture.height() : null, partnership.id())
				.update();
		}
		Look after = own(partnershipCode).orElseThrow();
		if (before.isPresent()) {
			this.audit.updated("partnership-look", partnership.id(), "Changed the look of " + name, before.get(), after);
		}
		else {
			this.audit.created("partnership-look", partnership.id(), "Set the look of " + name, after);
		}
		return after;
	}

	/** One line of plain text of up to 200 characters, or blank. */
	private static String line(String text, String field, Map<String, String> problems) {
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.length() > 200 || stripped.chars().anyMatch((c) -> c < 0x20)) {
			problems.put(field, "Keep it to one line of up to 200 characters");
		}
		return stripped;
	}

	private record Picture(String type, int width, int height) {
	}

	/** The logo's kind and size, read from the picture itself rather than from what the upload says it is. */
	private static Picture picture(byte[] bytes, Map<String, String> problems) {
		if (bytes.length > LOGO_BYTES) {
			problems.put("logo", "The logo must be 512 KB or smaller; this one is " + (bytes.length / 1024) + " KB");
			return null;
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			String format = readers.hasNext() ? readers.next().getFormatName().toLowerCase(Locale.ROOT) : "";
			String type = switch (format) {
				case "png" -> "image/png";
				case "jpeg", "jpg" -> "image/jpeg";
				default -> null;
			};
			BufferedImage image = (type != null) ? ImageIO.read(new ByteArrayInputStream(bytes)) : null;
			if (image == null) {
				problems.put("logo", "The logo must be a PNG or JPEG picture");
				return null;
			}
			if (image.getWidth() > LOGO_PIXELS || image.getHeight() > LOGO_PIXELS) {
				problems.put("logo", "The logo must be at most " + LOGO_PIXELS + " pixels wide and high");
				return null;
			}
			return new Picture(type, image.getWidth(), image.getHeight());
		}
		catch (IOException | RuntimeException ex) {
			problems.put("logo", "The logo must be a PNG or JPEG picture");
			return null;
		}
	}

}
