package scot.goldenthread.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a report's template as a standalone HTML file, with its print styles inside it, and as a
 * tagged PDF made from that same HTML with its fonts embedded.
 */
@Component
class ReportPages {

	/** DejaVu carries every status symbol the reports use. */
	private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

	private final ITemplateEngine templates;

	private final String css;

	/** Read once: every PDF embeds the same fonts. */
	private final Map<String, byte[]> fonts = new java.util.concurrent.ConcurrentHashMap<>();

	ReportPages(ITemplateEngine templates) throws IOException {
		this.templates = templates;
		this.css = new ClassPathResource("static/css/report.css").getContentAsString(StandardCharsets.UTF_8);
	}

	private String html(String template, Map<String, Object> variables, ReportLook look, boolean forPdf) {
		Context context = new Context();
		context.setVariables(variables);
		context.setVariable("css", (look != null) ? this.css + look.css() : this.css);
		context.setVariable("look", look);
		context.setVariable("pdf", forPdf);
		// a file stands alone: its pictures are inside it, not links back to the site
		context.setVariable("standalone", true);
		return this.templates.process(template, context);
	}

	/** The template's report as a standalone HTML file or as a PDF, in the partnership's look where it has one. */
	void write(String template, Map<String, Object> variables, ReportLook look, ReportFormat format, OutputStream out) {
		if (format == ReportFormat.PDF) {
			pdf(template, variables, look, out);
			return;
		}
		try {
			out.write(html(template, variables, look, false).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void pdf(String template, Map<String, Object> variables, ReportLook look, OutputStream out) {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		font(builder, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
		font(builder, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
		font(builder, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
		builder.withHtmlContent(html(template, variables, look, true), null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
		byte[] font = this.fonts.computeIfAbsent(file, (name) -> {
			try (InputStream in = ReportPages.class.getClassLoader().getResourceAsStream(FONTS + name)) {
				if (in == null) {
					throw new IllegalStateException("The font " + name + " is missing from the classpath (jasperreports-fonts)");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		builder.useFont(() -> new java.io.ByteArrayInputStream(font), "DejaVu Sans", weight, style, true);
	}

}
