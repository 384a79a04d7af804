package scot.goldenthread.plans;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.Polarity;
import scot.goldenthread.progress.ProgressUpdate;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;
import scot.goldenthread.progress.UpdateState;
import scot.goldenthread.shared.Note;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data, loaded through the importer at start, reproduces the seed documents. */
@SpringBootTest
class SeedPlansTests {

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	ProgressUpdates updates;

	PlanTree plan(String code) {
		Plan plan = this.catalogue.plan(code).orElseThrow();
		return this.catalogue.tree(plan.id()).orElseThrow();
	}

	@Test
	void theWellbeingLoipHasItsVisionOutcomesThemesPrioritiesActionsAndDashboardMeasures() {
		PlanTree loip = plan("LOIP-2024-34");
		assertThat(loip.plan().type()).isEqualTo(PlanType.LOIP);
		assertThat(loip.plan().partnershipName()).isEqualTo("Clackmannanshire Alliance");
		assertThat(loip.roots()).singleElement()
			.satisfies((vision) -> assertThat(vision.title()).isEqualTo(
					"Working together to reduce inequality and improve the wellbeing of all people in Clackmannanshire"));
		assertThat(loip.ofKind(ElementKind.STRATEGIC_OUTCOME)).extracting(PlanElement::title)
			.containsExactly("Wellbeing", "Economy and Skills", "Places");
		assertThat(loip.ofKind(ElementKind.PRIORITY_THEME)).extracting(PlanElement::title)
			.containsExactly("Physical and Mental Health & Wellbeing", "Outcomes for Young People", "Poverty",
					"Labour Market & Fair Work", "Economic Opportunities", "Sustainable Places",
					"Environmental Sustainability");
		assertThat(loip.count(ElementKind.ACTION)).isEqualTo(21);
		// nine "what difference" statements and the five annex 1 priorities for 2025/26
		assertThat(loip.count(ElementKind.PRIORITY)).isEqualTo(14);
		assertThat(loip.ofKind(ElementKind.PRIORITY)).filteredOn((p) -> p.code().startsWith("A1-"))
			.allSatisfy((p) -> assertThat(p.due()).hasToString("2026-03-31"));
		assertThat(loip.elements().stream().mapToInt((e) -> e.measures().size()).sum()).isEqualTo(34);
		PlanElement places = loip.ofKind(ElementKind.STRATEGIC_OUTCOME).get(2);
		assertThat(places.measures()).hasSize(12);
		assertThat(places.measures().get(2).title()).isEqualTo("SIMD 20% most deprived (local share)");
		assertThat(places.partnerships()).containsExactly("Clacks Good Food Partnership", "Climate Change Board");
		assertThat(loip.plan().relatedPlans()).contains("Clackmannanshire Good Food Plan", "Local Fire Plan");
		PlanElement annexAction = loip.elements().stream().filter((e) -> e.code().equals("ES-A3")).findFirst().orElseThrow();
		assertThat(annexAction.headline()).isEqualTo("Develop local transport solutions.");
	}

	@Test
	void theChildrensServicesPlanHasItsFivePromisePrioritiesOutcomesActionsAndMeasuresWithDirections() {
		PlanTree csp = plan("CSP-2021-24");
		assertThat(csp.ofKind(ElementKind.PRIORITY)).extracting(PlanElement::title)
			.containsExactly("A Good Childhood", "Whole Family Support", "Planning", "Supporting the Workforce",
					"Building Capacity");
		assertThat(csp.count(ElementKind.OUTCOME)).isEqualTo(13);
		assertThat(csp.count(ElementKind.ACTION)).isEqualTo(54);
		assertThat(csp.ofKind(ElementKind.PRIORITY)).extracting((p) -> p.measures().size()).containsExactly(15, 10, 4, 5, 6);
		PlanElement goodChildhood = csp.ofKind(ElementKind.PRIORITY).get(0);
		assertThat(goodChildhood.measures().get(0).title()).isEqualTo("Increase % uptake of free ELC for Eligible 2 year olds");
		assertThat(goodChildhood.measures().get(0).polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
		assertThat(goodChildhood.measures().get(1).polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
		assertThat(goodChildhood.children(ElementKind.OUTCOME).get(1).children()).hasSize(7);
	}

	@Test
	void thePeopleBusinessPlanHasAll55ActionsWithDatesProgressStatusNotesAndLeads() {
		PlanTree ppl = plan("PPL-2022-23");
		assertThat(ppl.ofKind(ElementKind.PRIORITY)).extracting((p) -> p.children().size()).containsExactly(8, 20, 17, 10);
		List<String> codes = IntStream.rangeClosed(1, 55).mapToObj((n) -> "PPL 22 %02d".formatted(n)).toList();
		assertThat(ppl.ofKind(ElementKind.ACTION)).extracting(PlanElement::code).containsExactlyInAnyOrderElementsOf(codes);
		assertThat(ppl.ofKind(ElementKind.ACTION)).allSatisfy((a) -> assertThat(a.due()).hasToString("2023-08-31"));
		assertThat(ppl.ofKind(ElementKind.PRIORITY).get(3).title()).isEqualTo("People Workforce Plan");

		PlanElement stretchAims = action(ppl, "PPL 22 12");
		assertThat(stretchAims.progress()).isEqualTo(33);
		assertThat(stretchAims.assessment()).isEqualTo(Assessment.AT_RISK);
		assertThat(stretchAims.leads()).containsExactly("Senior Manager Inclusion & Partnerships",
				"Education Senior Manager (Secondary)");
		assertThat(stretchAims.latestNote()).isEqualTo("Progress against some stretch aims causing concern.");

		PlanElement numeracy = action(ppl, "PPL 22 05");
		assertThat(numeracy.latestNote()).contains("Numeracy Attainment Gap (P1,4,7) has widened to 14.3pp. Stretch aim is 11pp.");
		assertThat(Note.blocks(numeracy.latestNote())).extracting(Note.Block::list).containsExactly(false, true, false, false);

		assertThat(action(ppl, "PPL 22 18").progress()).isEqualTo(100);
		assertThat(action(ppl, "PPL 22 44").progress()).isEqualTo(45);
		assertThat(action(ppl, "PPL 22 44").latestNote()).endsWith(
				"progress in this area is reliant on development of a range of local care provision.");
		assertThat(action(ppl, "PPL 22 46").latestNote()).startsWith("As part of the Scottish Government's focus");
		assertThat(action(ppl, "PPL 22 53").latestNote()).doesNotContain("Health and Social Care Plan Update");
		assertThat(action(ppl, "PPL 22 15").assessment()).isEqualTo(Assessment.ON_TRACK);
		assertThat(action(ppl, "PPL 22 24").latestNote()).isNull();
		assertThat(action(ppl, "PPL 22 01").leads()).isEmpty();
	}

	private static PlanElement action(PlanTree tree, String code) {
		return tree.ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void thePeopleBusinessPlanHoldsSeed002AsTheApprovedDecember2022InterimUpdate() {
		PlanTree ppl = plan("PPL-2022-23");
		ReportingPeriod december = this.updates.periods(ppl.plan().id()).stream()
			.filter((p) -> p.name().equals("Interim update December 2022")).findFirst().orElseThrow();
		assertThat(december.closed(java.time.LocalDate.now())).isTrue();
		assertThat(december.opensOn()).isEqualTo("2022-09-01");
		ProgressUpdate update = this.updates.update(action(ppl, "PPL 22 17").id(), december.id()).orElseThrow();
		assertThat(update.state()).isEqualTo(UpdateState.APPROVED);
		assertThat(update.progress()).isEqualTo(50);
		assertThat(update.writtenBy()).isEqualTo("psychologist");
		assertThat(update.reviewedBy()).isEqualTo("people.director");
		assertThat(update.note()).startsWith("A range of training opportunities for those within the People Directorate");
		assertThat(this.updates.history(action(ppl, "PPL 22 18").id(), false)).singleElement()
			.satisfies((u) -> assertThat(u.progress()).isEqualTo(100));
	}

}
