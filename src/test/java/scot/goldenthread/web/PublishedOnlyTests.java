package scot.goldenthread.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing unpublished reaches the public by any door. With the demo and a world of the test's own, plus a draft
 * plan whose action serves the world's plan, a submitted action update, a submitted measure value, a measure not public and a value held for
 * confirmation, every page the public can reach by following links, every GET of the API description with
 * its paths filled in with every plan, element and measure, and every download is read as the anonymous
 * receive it (PDF as its text, Word and Excel unzipped), and none holds any of their codes or words. A page
 * or API added later is covered without changing this test. Its own database (the property below makes a
 * context of its own), since it leaves all of these in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "goldenthread.test=published-only")
@AutoConfigureMockMvc
class PublishedOnlyTests {

	static final String DRAFT_PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: QUOKKA-DRAFT
			  title: Quokka locality plan
			  type: locality-plan
			  partnership: PARTNERSHIP
			  locality: S12000005-multi-member-wards-clackmannanshire-central
			  start: 2025-04-01
			  end: 2028-03-31
			  status: draft
			elements:
			- code: QK-O1
			  kind: strategic-outcome
			  title: Quokka outcome
			  children:
			  - code: QK-A1
			    kind: action
			    title: Quokka action for families
			    alignedTo: [SERVES]
			    locality: S12000005-multi-member-wards-clackmannanshire-central
			""";

	/** Each unpublished thing's words, none of which the public may receive; the measure not public adds its code. */
	final List<String> unpublished = new ArrayList<>(List.of("QUOKKA-DRAFT", "Quokka", "QK-A1", "Numbat", "Bilby", "Pangolin", "Dugong", "Wombat",
			"Echidna", "echidna@example.org"));

	static final Set<String> NOT_FOLLOWED = Set.of("/webjars/", "/css/", "/js/", "/sign-out");

	/**
	 * Links of which a few are read: Scotland's 1,279 intermediate zones' pages are made alike, and so is a place's page
	 * for each measure it charts; localities, councils and the rest are all read.
	 */
	static final Pattern SAMPLED = Pattern.compile("^/places/(S0[12]|[^?]*\\?measure=)");

	final java.util.concurrent.atomic.AtomicInteger sampled = new java.util.concurrent.atomic.AtomicInteger();

	static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^/\"#][^\"#]*)");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theAnonymousReceiveNothingUnpublishedFromAnyPageApiAnswerOrDownload() throws Exception {
		Fixtures.World world = this.fixtures.world();
		unpublishedWorkOfEveryKind(world);
		this.unpublished.add(world.unusedMeasure());
		long plan = world.plan().id();
		long served = world.element("P1").id();
		String gap = world.gap();

		Map<String, String> leaks = new java.util.concurrent.ConcurrentSkipListMap<>();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		Set<String> read = crawl(leaks, failures);

		assertThat(read).as("the crawl reached the pages that could leak").contains("/plans/" + plan + "/elements/" + served,
				"/api/plans/" + plan + "/elements/" + served + "/thread", "/measures/" + gap, "/api/measures/" + gap + "/observations",
				"/open-data/observations.csv", "/api/measures/" + gap + "/updates", "/partnerships/" + world.plan().partnershipCode(),
				"/open-data/actions.csv", "/open-data/elements.csv", "/plans/" + plan + "/stands-on", "/plans/" + plan + "/risks",
				"/plans/" + plan + "/stock-take", "/api/plans/" + plan + "/stands-on", "/stock-take", "/api/stock-take", "/open-data/participation.csv",
				"/open-data/evidence.csv", "/open-data/equality-impacts.csv", "/open-data/agreements.csv", "/open-data/risks.csv",
				"/partnerships/" + world.plan().partnershipCode() + "/agreements", "/plans/" + plan + "/stock-take/download?format=pdf",
				"/plans/" + plan + "/annual-reports", open(plan), "/measures/SIMD-INCOME/values?level=data-zone", "/measures/SIMD-INCOME/values.csv?level=data-zone");
		assertThat(leaks).as("what the anonymous received of unpublished work").isEmpty();
		assertThat(failures).as("answers of 500").isEmpty();
	}

	/** The address of the plan's draft annual report open for comment, which the anonymous may read. */
	String open(long plan) {
		return "/annual-reports/" + this.jdbc.sql("select id from annual_report where plan_id = ? and year = '2024/25'").param(plan).query(Long.class).single();
	}

	/** The unpublished things, in the world and beside it. */
	void unpublishedWorkOfEveryKind(Fixtures.World world) throws Exception {
		String gap = world.gap();
		this.plans.importFile(new ByteArrayInputStream(DRAFT_PLAN.replace("PARTNERSHIP", world.plan().partnershipCode())
			.replace("SERVES", world.plan().code() + "/P1").getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		long period = world.open().id();
		long action = world.element("A1").id();
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action, period).with(SignedIn.as(this.users, world.lead()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 90, \"note\": \"Numbat note, submitted and not approved\", \"submit\": true}"))
			.andExpect(status().isOk());
		this.mvc.perform(put("/api/measures/{m}/updates/{p}", gap, period).with(SignedIn.as(this.users, world.lead()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measurePeriod\": \"2023/24\", \"value\": 12.6, \"commentary\": \"Bilby commentary\", \"submit\": true}"))
			.andExpect(status().isOk());
		this.jdbc.sql("update measure set public = false, title = 'Pangolin employment rate' where code = ?").param(world.unusedMeasure()).update();
		this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, breakdown, value, status, note, to_confirm, recorded_by)
				select id, '2024-08-01', 'S12000005', '', 40.7, 'final', 'Dugong value far outside its history',
				       'far outside its history (13.0 to 14.5): please confirm', 'test'
				from measure where code = ?""").param(gap).update();
		// a data zone's value held for confirmation, of a measure whose data zones are listed a page at a time
		this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, breakdown, value, status, note, to_confirm, recorded_by)
				select measure_id, period_start + interval '1 year', geography, '', 99.9, 'final', 'Wombat data zone value',
				       'far outside its history: please confirm', 'test'
				from observation where measure_id = (select id from measure where code = 'SIMD-INCOME') order by geography limit 1""").update();
		// what a plan stands on: a participation record's contact, evidence and a risk kept to the partnership
		long plan = world.plan().id();
		this.mvc.perform(post("/plans/{id}/stands-on/participation", plan).with(SignedIn.as(this.users, world.owner()))
			.param("kind", "engagement").param("title", "Published survey").param("method", "online-survey").param("contact", "Echidna contact")
			.param("audience", "public")).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/plans/{id}/stands-on/evidence", plan).with(SignedIn.as(this.users, world.owner()))
			.param("kind", "study").param("title", "Echidna evidence").param("audience", "partnership")).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/plans/{id}/risks/new", plan).with(SignedIn.as(this.users, world.owner())).param("title", "Echidna risk")
			.param("owner", "Chief Officer").param("likelihoodBefore", "3").param("impactBefore", "3").param("likelihoodAfter", "2")
			.param("impactAfter", "2").param("audience", "partnership")).andExpect(status().is3xxRedirection());
		// an equality impact assessment with its file, and an agreement of the partnership, kept to the partnership
		this.mvc.perform(multipart("/plans/{id}/stands-on/equality-impact", plan).file(new org.springframework.mock.web.MockMultipartFile("file",
				"echidna.pdf", null, "%PDF Echidna file".getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(this.users, world.owner())).param("title", "Echidna assessment").param("audience", "partnership"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/partnerships/{c}/agreements", world.plan().partnershipCode()).with(SignedIn.as(this.users, world.owner()))
			.param("text", "Echidna agreement").param("statement", "4").param("audience", "partnership")).andExpect(status().is3xxRedirection());
		// a draft annual report with its words
		String report = this.mvc.perform(post("/plans/{id}/annual-reports", plan).param("year", "2025/26").with(SignedIn.as(this.users, world.owner())))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		this.mvc.perform(post(report + "/words").param("version", "0").param("word.summary", "Echidna report words")
			.with(SignedIn.as(this.users, world.owner()))).andExpect(status().is3xxRedirection());
		this.mvc.perform(get(report).with(SignedIn.as(this.users, world.viewer()))).andExpect(content().string(containsString("Echidna report words")));
		// another year's draft, open for comment: the public reads it, but not a comment held, nor any sender's address
		String open = this.mvc.perform(post("/plans/{id}/annual-reports", plan).param("year", "2024/25").with(SignedIn.as(this.users, world.owner())))
			.andReturn().getResponse().getRedirectedUrl();
		this.mvc.perform(post(open + "/comment-days").param("version", "0").param("commentsFrom", java.time.LocalDate.now().toString())
			.with(SignedIn.as(this.users, world.owner()))).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(open + "/comments").param("text", "Echidna held comment").param("email", "echidna@example.org")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(get(open + "/comments").with(SignedIn.as(this.users, world.owner())))
			.andExpect(content().string(containsString("echidna@example.org")));
		// each is really there for those who may see it, so its absence below means something
		this.mvc.perform(get("/partnerships/{c}/agreements", world.plan().partnershipCode()).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(content().string(containsString("Echidna agreement")));
		this.mvc.perform(get("/plans/{id}/stands-on", plan).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(content().string(containsString("Echidna contact"))).andExpect(content().string(containsString("Echidna evidence")))
			.andExpect(content().string(containsString("Echidna assessment")));
		this.mvc.perform(get("/plans/{id}/risks", plan).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(content().string(containsString("Echidna risk")));
		PlanElement served = world.element("P1");
		this.mvc.perform(get("/plans/{p}/elements/{e}", served.planId(), served.id()).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(content().string(containsString("Quokka action for families")));
		this.mvc.perform(get("/measures/{m}", gap).with(SignedIn.as(this.users, world.lead())))
			.andExpect(content().string(containsString("Dugong value far outside its history")));
		this.mvc.perform(get("/measures/SIMD-INCOME/values.csv").param("level", "data-zone").with(SignedIn.as(this.users, world.administrator())))
			.andExpect(content().string(containsString("Wombat data zone value")));
	}

	/** Reads everything the anonymous can reach; answers the paths read, and notes each leak and each 500. */
	Set<String> crawl(Map<String, String> leaks, List<String> failures) throws Exception {
		List<String> wave = new ArrayList<>(List.of("/", "/plans", "/measures", "/places", "/partnerships", "/national-outcomes",
				"/open-data", "/sign-in", "/measures?outcome=children-and-young-people", "/api/measures?size=1000&outcome=children-and-young-people",
				"/measures?strategicOutcome=LOIP-2024-34/WB", "/api/measures?size=1000&strategicOutcome=LOIP-2024-34/WB"));
		this.unpublished.forEach((word) -> wave.add("/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)));
		wave.addAll(apiPaths());
		Set<String> seen = new LinkedHashSet<>(wave);
		// a wave at a time, a few answers at once, as several people would ask: the reports take the time
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			while (!wave.isEmpty()) {
				List<Callable<List<String>>> reads = wave.stream().<Callable<List<String>>>map((path) -> () -> read(path, leaks, failures)).toList();
				wave.clear();
				for (Future<List<String>> links : readers.invokeAll(reads)) {
					links.get().stream().filter(seen::add).forEach(wave::add);
				}
			}
		}
		finally {
			readers.shutdown();
		}
		return seen;
	}

	/** Reads one path as the anonymous do, noting a leak or a 500; answers the links of a page. */
	List<String> read(String path, Map<String, String> leaks, List<String> failures) throws Exception {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() >= 500) {
			failures.add(path + " answered " + response.statusCode());
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		String text = text(type, response.body());
		String asked = URLDecoder.decode(path, StandardCharsets.UTF_8);
		// what was asked may be said back (a search's words, "There is no measure X"); nothing more
		String found = asked.startsWith("/search?q=") ? text.replace(asked.substring(10), "") : text;
		boolean refused = response.statusCode() >= 400;
		this.unpublished.stream().filter((word) -> found.contains(word) && !(refused && asked.contains(word)))
			.forEach((word) -> leaks.merge(path, word, (a, b) -> a + ", " + b));
		if (asked.startsWith("/search?q=") && !text.contains("0 results")) {
			leaks.merge(path, "a result", (a, b) -> a + ", " + b);
		}
		List<String> links = new ArrayList<>();
		if (type.startsWith("text/html")) {
			Matcher link = LINK.matcher(text);
			while (link.find()) {
				String href = link.group(1).replace("&amp;", "&");
				if (NOT_FOLLOWED.stream().noneMatch(href::startsWith) && (!SAMPLED.matcher(href).find() || this.sampled.incrementAndGet() <= 30)) {
					links.add(href);
				}
			}
		}
		return links;
	}

	/**
	 * Every GET of the API description, its path filled in with every plan and element, measure, partnership,
	 * partner, national outcome and committee report (the draft plan's among them), and a required plan and
	 * format asked in every format, the working draft among them.
	 */
	List<String> apiPaths() throws Exception {
		JsonNode api = JsonMapper.builder().build().readTree(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
			.getContentAsString());
		List<String> codes = this.jdbc.sql("""
				select code from measure union select code from partnership union select code from partner
				union select code from national_outcome""").query(String.class).list();
		List<Long> ids = this.jdbc.sql("select id from plan union select id from committee_report").query(Long.class).list();
		List<long[]> elements = this.jdbc.sql("select plan_id, id from plan_element")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		List<String> paths = new ArrayList<>();
		for (var entry : api.get("paths").properties()) {
			JsonNode get = entry.getValue().get("get");
			if (get == null) {
				continue;
			}
			String template = entry.getKey();
			List<String> filled = new ArrayList<>();
			if (template.contains("{elementId}")) {
				elements.forEach((e) -> filled.add(template.replaceAll("\\{(id|planId)}", String.valueOf(e[0]))
					.replace("{elementId}", String.valueOf(e[1]))));
			}
			else if (template.contains("{code}")) {
				codes.forEach((c) -> filled.add(template.replace("{code}", URLEncoder.encode(c, StandardCharsets.UTF_8).replace("+", "%20"))));
			}
			else if (template.matches(".*\\{(id|planId|periodId)}.*")) {
				ids.forEach((id) -> filled.add(template.replaceAll("\\{\\w+}", String.valueOf(id))));
			}
			else {
				filled.add(template);
			}
			Set<String> parameters = new java.util.HashSet<>();
			get.path("parameters").forEach((parameter) -> parameters.add(parameter.path("name").asString()));
			for (String path : filled) {
				List<String> asked = parameters.contains("plan")
						? ids.stream().map((id) -> path + "?plan=" + id).toList() : List.of(path + "?");
				for (String query : asked) {
					if (!parameters.contains("format")) {
						paths.add(query.replaceAll("\\?$", ""));
						continue;
					}
					for (String format : List.of("html", "pdf", "docx", "xlsx", "csv")) {
						String withFormat = query + (query.endsWith("?") ? "" : "&") + "format=" + format;
						paths.add(withFormat);
						paths.add(withFormat + "&draft=true");
					}
				}
			}
		}
		return paths;
	}

	/** What a person would read of an answer: a PDF's text, the XML inside a Word or Excel file, or the bytes. */
	static String text(String type, byte[] body) throws IOException {
		if (type.startsWith("application/pdf")) {
			try (PDDocument pdf = Loader.loadPDF(body)) {
				return new PDFTextStripper().getText(pdf);
			}
		}
		if (type.contains("openxmlformats")) {
			Path file = Files.createTempFile("answer", ".zip");
			try (ZipFile zip = new ZipFile(Files.write(file, body).toFile())) {
				StringBuilder text = new StringBuilder();
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
				}
				return text.toString();
			}
			finally {
				Files.delete(file);
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}

}
