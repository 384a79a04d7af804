package scot.goldenthread.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanFormat;

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

	DemoData(PartnershipDirectory partnerships, PlanCatalogue plans, MeasureDefinitions measures,
			ObservationImporter observations, TransactionTemplate transaction) {
		this.partnerships = partnerships;
		this.plans = plans;
		this.measures = measures;
		this.observations = observations;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
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
		});
		log.info("Loaded the demo data: {} partnerships and {} plans", this.partnerships.partnerships().size(),
				planFiles.length);
	}

	/** The seeds' figures for the plans' measures, through the same definitions file and import users use. */
	private void loadMeasures() {
		try (InputStream definitions = getClass().getResourceAsStream("/demo/measures.yaml");
				Reader values = new InputStreamReader(getClass().getResourceAsStream("/demo/observations.csv"), StandardCharsets.UTF_8)) {
			this.measures.define(definitions, "measures.yaml");
			this.observations.importCsv(values, "observations.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void loadPartnerships() {
		try (InputStream in = getClass().getResourceAsStream("/demo/partnerships.yaml")) {
			Directory directory = YAMLMapper.builder().build().readValue(in, Directory.class);
			directory.partners().forEach((p) -> this.partnerships.addPartner(p.code(), p.name(), Boolean.TRUE.equals(p.statutory()), p.description()));
			directory.partnerships().forEach((p) -> this.partnerships.addPartnership(p.code(), p.name(),
					Partnership.Kind.of(p.kind()), p.parent(), p.area(), p.description(),
					(p.members() != null) ? p.members() : List.of()));
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
			List<String> members) {
	}

}
