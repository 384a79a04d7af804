package scot.goldenthread.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import scot.goldenthread.annualreports.AnnualReports;
import scot.goldenthread.measures.ColumnMapping;
import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.reports.CommitteeReport;
import scot.goldenthread.reports.CommitteeReports;
import scot.goldenthread.reports.LaidPapers;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.FirstLoad;
import scot.goldenthread.shared.TextFiles;
import scot.goldenthread.people.Accounts;
import scot.goldenthread.people.Role;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.places.Localities;
import scot.goldenthread.places.SimdMeasures;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.partnerships.PartnershipLooks;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanFormat;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.stocktake.StockTakeRecords;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At first start, loads the partnerships and the seed plans, the plans through the same importer users
 * use. A database that already holds plans is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("goldenthread.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final PartnershipDirectory partnerships;

	private final PlanCatalogue plans;

	private final MeasureDefinitions measures;

	private final ObservationImporter observations;

	private final TransactionTemplate transaction;

	private final Accounts accounts;

	private final ProgressUpdates updates;

	private final CommitteeReports committeeReports;

	private final AnnualReports annualReports;

	private final Localities localities;

	private final SimdMeasures simd;

	private final Clock clock;

	private final FirstLoad firstLoad;

	private final PartnershipLooks looks;

	private final LaidPapers laidPapers;

	private final StockTakeRecords stockTake;

	DemoData(PartnershipDirectory partnerships, PartnershipLooks looks, LaidPapers laidPapers, PlanCatalogue plans, MeasureDefinitions measures,
			ObservationImporter observations, TransactionTemplate transaction, Accounts accounts, ProgressUpdates updates,
			CommitteeReports committeeReports, AnnualReports annualReports, Localities localities, SimdMeasures simd, Clock clock, FirstLoad firstLoad,
			StockTakeRecords stockTake) {
		this.stockTake = stockTake;
		this.firstLoad = firstLoad;
		this.looks = looks;
		this.laidPapers = laidPapers;
		this.localities = localities;
		this.simd = simd;
		this.committeeReports = committeeReports;
		this.annualReports = annualReports;
		this.accounts = accounts;
		this.updates = updates;
		this.partnerships = partnerships;
		this.plans = plans;
		this.measures = measures;
		this.observations = observations;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try {
			loadIntoAnEmptyDatabase();
		}
		finally {
			this.firstLoad.finished();
		}
	}

	private void loadIntoAnEmptyDatabase() throws IOException {
		if (!this.plans.plans().isEmpty() || !this.partnerships.partnerships().isEmpty()) {
			return;
		}
		Resource[] planFiles = new PathMatchingResourcePatternResolver().getResources("classpath:demo/plans/*.yaml");
		Arrays.sort(planFiles, Comparator.comparing(Resource::getFilename));
		this.transaction.executeWithoutResult((status) -> {
			loadPartnerships();
			for (Resource file : planFiles) {
				try (InputStream in = file.getInputStream()) {
					this.plans.importFile(in, PlanFormat.YAML);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			loadMeasures();
			loadLocalities();
			loadPeopleAndUpdates();
			loadCommitteeReports();
			loadStockTake();
			// the LOIP's draft annual report for 2024/25, made from the demo's series, for its owner to write and approve
			this.annualReports.load("LOIP-2024-34", "2024/25");
		});
		log.info("Loaded the demo data: {} partnerships and {} plans", this.partnerships.partnerships().size(),
				planFiles.length);
	}

	/**
	 * The plans' measures on the published series in demo/data/, each file loaded as it came through a mapping of its
	 * columns, then the seeds' figures where no series is published; all through the definitions file and imports users use.
	 */
	private void loadMeasures() {
		try (InputStream definitions = getClass().getResourceAsStream("/demo/measures.yaml");
				Reader indicators = data("LGBF_Indicator_Information.csv");
				InputStream published = getClass().getResourceAsStream("/demo/published.yaml");
				Reader values = new InputStreamReader(getClass().getResourceAsStream("/demo/observations.csv"), StandardCharsets.UTF_8)) {
			this.measures.define(definitions, "measures.yaml");
			this.measures.defineLgbf(indicators, "LGBF_Indicator_Information.csv");
			for (Load load : YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
				.readValue(published, Loads.class).loads()) {
				try (Reader file = data(load.file())) {
					// a published file has its publisher's flaws (LGBF gives Scotland two values for a few years): the good rows load
					ObservationImporter.Report report = this.observations.importCsv(file, load.file(), load.mapping(), ObservationImporter.Mode.ACCEPT_VALID);
					log.info("Loaded {} for {}: {} values, {} rows not loaded", load.file(), Objects.requireNonNullElse(load.mapping().measure(), "LGBF"),
							report.inserted() + report.revised() + report.unchanged(), report.rejected());
				}
			}
			this.observations.importCsv(values, "observations.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
			this.simd.publish("LOIP-PL-03", "LOIP-PL-08");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Clackmannanshire's and Stirling's localities as their multi-member wards: the seeds name no data zones for either's
	 * localities, so the wards stand in, saying so, until an officer redraws them.
	 */
	private void loadLocalities() {
		this.localities.drawWards("S12000005", "Multi-member wards", "the multi-member wards of the Scottish Government's data zone lookup "
				+ "(the wards before the 2017 and 2022 reviews): the Wellbeing LOIP names no localities by data zone, so the wards stand in "
				+ "until an officer redraws them");
		this.localities.drawWards("S12000030", "Multi-member wards", "the multi-member wards of the Scottish Government's data zone lookup "
				+ "(the wards before the 2017 and 2022 reviews): Stirling's four place-based partnerships (Urban North, Urban South, "
				+ "Rural North, Rural South) are named in its LOIP knowledge-transfer note, but no published source here says which data "
				+ "zones make them up, so the wards stand in until an officer redraws them");
	}

	/** A published file of demo/data/, read as UTF-8 without the byte-order mark some begin with. */
	private Reader data(String file) throws IOException {
		InputStream in = getClass().getResourceAsStream("/demo/data/" + file);
		return TextFiles.open(Objects.requireNonNull(in, file)).reader();
	}

	record Loads(List<Load> loads) {
	}

	/** A file of demo/data/ and how its columns map: a built-in layout (lgbf, one LGBF indicator's {@code code} for {@code measure}) or a mapping. */
	record Load(String file, String layout, String measure, String code, ColumnMapping mapping) {

		@Override
		public ColumnMapping mapping() {
			return "lgbf".equals(this.layout) ? ColumnMapping.lgbf(this.measure, this.code) : this.mapping;
		}

	}

	/**
	 * Demo accounts with their roles, the plans' reporting periods, and the seed's progress as the
	 * approved updates of its period.
	 */
	private void loadPeopleAndUpdates() {
		try (InputStream in = getClass().getResourceAsStream("/demo/people.yaml")) {
			People people = YAMLMapper.builder().build().readValue(in, People.class);
			for (AccountEntry entry : people.accounts()) {
				Long partner = (entry.partner() != null) ? this.partnerships.partner(entry.partner()).orElseThrow().id() : null;
				long id = this.accounts.create(new Accounts.Details(entry.username(), entry.name(), entry.email(), entry.jobTitle(), partner),
						people.password());
				for (RoleEntry role : entry.roles()) {
					this.accounts.grant(id, Role.of(role.role()).orElseThrow(),
							(role.partnership() != null) ? this.partnerships.partnership(role.partnership()).orElseThrow().id() : null,
							(role.plan() != null) ? plan(role.plan()).id() : null);
				}
			}
			LocalDate today = LocalDate.now(this.clock);
			for (PeriodEntry entry : people.periods()) {
				Plan plan = plan(entry.plan());
				ReportingPeriod period = (entry.opensOn() != null)
						? this.updates.recordPeriod(plan, entry.name(), LocalDate.parse(entry.opensOn()), LocalDate.parse(entry.deadline()),
								LocalDate.parse(entry.closesOn()), instant(entry.closedAt()), entry.closedBy())
						: this.updates.recordPeriod(plan, entry.name(), today.plusDays(entry.opensInDays()),
								today.plusDays(entry.deadlineInDays()), today.plusDays(entry.closesInDays()), null, null);
				if (Boolean.TRUE.equals(entry.approvedUpdatesFromPlan())) {
					recordPlanAsApproved(plan, period, entry.approvedBy(), instant(entry.closedAt()), people.accounts());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Each action's progress, assessment and latest note as its first lead's update, approved when the period closed;
	 * the seed shows the progress of two actions without a note, and so do their updates.
	 */
	private void recordPlanAsApproved(Plan plan, ReportingPeriod period, String approvedBy, OffsetDateTime approvedAt,
			List<AccountEntry> accounts) {
		for (PlanElement action : this.plans.tree(plan.id()).orElseThrow().ofKind(ElementKind.ACTION)) {
			if (action.progress() == null) {
				continue;
			}
			String lead = accounts.stream()
				.filter((a) -> !action.leads().isEmpty() && action.leads().get(0).equals(a.jobTitle()))
				.map(AccountEntry::username).findFirst().orElse(approvedBy);
			this.updates.recordApproved(action.id(), period, action.progress(), action.assessment(), Objects.toString(action.latestNote(), ""), lead,
					approvedBy, approvedAt);
		}
	}

	/** Seed 002's cover paper, with the progress report as at its period as the appendix. */
	private void loadCommitteeReports() {
		try (InputStream in = getClass().getResourceAsStream("/demo/committee-reports.yaml")) {
			for (PaperEntry paper : YAMLMapper.builder().build().readValue(in, Papers.class).reports()) {
				Plan plan = plan(paper.plan());
				String period = this.updates.periods(plan.id()).stream().filter((p) -> p.name().equals(paper.period()))
					.map((p) -> String.valueOf(p.id())).findFirst().orElseThrow();
				Map<CommitteeReport.Section, String> sections = new EnumMap<>(CommitteeReport.Section.class);
				paper.sections().forEach((code, text) -> sections.put(Coded.of(CommitteeReport.Section.class, code).orElseThrow(), text));
				CommitteeReport recorded = this.committeeReports.record(plan.id(), new CommitteeReports.Draft(paper.organisation(), paper.reportTo(),
						DateInput.parse(paper.meetingDate()), paper.subject(), paper.reportBy(), period, sections, null), paper.writtenBy());
				if (Boolean.TRUE.equals(paper.laid())) {
					this.laidPapers.record(recorded, paper.writtenBy());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Papers(List<PaperEntry> reports) {
	}

	/** Seed 000's evidence base and engagement, as the LOIP's records, added as an owner adds them. */
	private void loadStockTake() {
		try (InputStream in = getClass().getResourceAsStream("/demo/stock-take.yaml")) {
			StockTakeFile file = YAMLMapper.builder().build().readValue(in, StockTakeFile.class);
			for (StockTakeEntry entry : file.plans()) {
				PlanTree tree = this.plans.tree(plan(entry.plan()).id()).orElseThrow();
				entry.evidence().forEach((evidence) -> this.stockTake.save(tree, null, evidence, null));
				entry.participation().forEach((participation) -> this.stockTake.save(tree, null, participation));
				for (EqualityImpactEntry q : entry.equalityImpacts()) {
					String paper = (q.committeePaper() == null) ? null : this.committeeReports.of(tree.plan().id()).stream()
						.filter((c) -> c.subject().equals(q.committeePaper())).map((c) -> String.valueOf(c.id())).findFirst().orElseThrow();
					this.stockTake.save(tree, null, new StockTakeRecords.EqualityImpactForm(paper, q.title(), null, null, q.summary(), q.link(),
							"public", false), null);
				}
			}
			for (AgreementsEntry entry : file.partnerships()) {
				Partnership partnership = this.partnerships.partnership(entry.partnership()).orElseThrow();
				entry.agreements().forEach((agreement) -> this.stockTake.add(partnership, agreement));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record StockTakeFile(List<StockTakeEntry> plans, List<AgreementsEntry> partnerships) {
	}

	record StockTakeEntry(String plan, List<StockTakeRecords.EvidenceForm> evidence, List<StockTakeRecords.ParticipationForm> participation,
			List<EqualityImpactEntry> equalityImpacts) {

		StockTakeEntry {
			evidence = (evidence != null) ? evidence : List.of();
			participation = (participation != null) ? participation : List.of();
			equalityImpacts = (equalityImpacts != null) ? equalityImpacts : List.of();
		}

	}

	/** An assessment of the plan, or of the committee paper of that subject. */
	record EqualityImpactEntry(String committeePaper, String title, String summary, String link) {
	}

	record AgreementsEntry(String partnership, List<StockTakeRecords.AgreementForm> agreements) {
	}

	record PaperEntry(String plan, String organisation, String reportTo, String meetingDate, String subject, String reportBy, String period,
			String writtenBy, Boolean laid, Map<String, String> sections) {
	}

	private Plan plan(String code) {
		return this.plans.plan(code).orElseThrow();
	}

	private static OffsetDateTime instant(String text) {
		return (text != null) ? OffsetDateTime.parse(text) : null;
	}

	record People(String password, List<AccountEntry> accounts, List<PeriodEntry> periods) {
	}

	record AccountEntry(String username, String name, String jobTitle, String partner, String email, List<RoleEntry> roles) {
	}

	record RoleEntry(String role, String partnership, String plan) {
	}

	record PeriodEntry(String plan, String name, String opensOn, String deadline, String closesOn, String closedAt, String closedBy,
			String approvedBy, Boolean approvedUpdatesFromPlan, Integer opensInDays, Integer deadlineInDays, Integer closesInDays) {
	}

	private void loadPartnerships() {
		try (InputStream in = getClass().getResourceAsStream("/demo/partnerships.yaml")) {
			Directory directory = YAMLMapper.builder().build().readValue(in, Directory.class);
			directory.partners().forEach((p) -> this.partnerships.addPartner(p.code(), p.name(), Boolean.TRUE.equals(p.statutory()), p.description()));
			directory.partnerships().forEach((p) -> this.partnerships.addPartnership(p.code(), p.name(),
					Partnership.Kind.of(p.kind()), p.parent(), p.area(), p.description(),
					(p.members() != null) ? p.members() : List.of()));
			directory.partnerships().stream().filter((p) -> p.look() != null).forEach((p) -> this.looks.set(p.code(),
					new PartnershipLooks.Change(p.name(), p.look().colour(), p.look().font(), p.look().contact(), p.look().licence(), null, false)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Directory(List<PartnerEntry> partners, List<PartnershipEntry> partnerships) {
	}

	record PartnerEntry(String code, String name, Boolean statutory, String description) {
	}

	record PartnershipEntry(String code, String name, String kind, String parent, String area, String description,
			List<String> members, LookEntry look) {
	}

	record LookEntry(String colour, String font, String contact, String licence) {
	}

}
