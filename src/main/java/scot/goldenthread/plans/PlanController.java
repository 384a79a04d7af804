package scot.goldenthread.plans;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import scot.goldenthread.measures.Geographies;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.shared.NotFound;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The plan pages: the list, a plan as a tree, a plan on a page, an element with its golden thread. */
@Controller
class PlanController {

	private final PlanCatalogue catalogue;

	private final GoldenThread thread;

	private final Dashboard dashboard;

	private final Access access;

	private final ActionHistory history;

	private final Geographies geographies;

	private final List<PlanPriorities> priorities;

	private final ActionStatuses statuses;

	private final PartnershipDirectory partnerships;

	PlanController(PlanCatalogue catalogue, GoldenThread thread, Dashboard dashboard, Access access,
			ActionHistory history, Geographies geographies, List<PlanPriorities> priorities, ActionStatuses statuses,
			PartnershipDirectory partnerships) {
		this.statuses = statuses;
		this.partnerships = partnerships;
		this.priorities = priorities;
		this.geographies = geographies;
		this.access = access;
		this.history = history;
		this.catalogue = catalogue;
		this.thread = thread;
		this.dashboard = dashboard;
	}

	@GetMapping("/plans")
	String plans(Model model) {
		model.addAttribute("plans", this.catalogue.plans(this.access));
		return "plans/list";
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		PlanTree tree = tree(id);
		model.addAttribute("tree", tree);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("levels", tree.plan().levels().levels());
		model.addAttribute("localityName", this.geographies.name(tree.plan().locality()));
		model.addAttribute("priorities", this.priorities.stream().flatMap((p) -> p.of(id).stream()).toList());
		ActionStatuses.Judged judged = this.statuses.of(tree);
		model.addAttribute("statuses", judged);
		model.addAttribute("asAt", judged.asAt(tree.plan()));
		model.addAttribute("actions", judged.rollup(tree.ofKind(ElementKind.ACTION)));
		model.addAttribute("mayOwn", this.access.mayOwn(this.catalogue.scopeOf(tree.plan())));
		model.addAttribute("related", RelatedPlans.of(tree.plan(), this.catalogue.plans(this.access)));
		List<PlanVersion> versions = this.catalogue.versions(id);
		model.addAttribute("version", versions.get(versions.size() - 1));
		return "plans/plan";
	}

	@GetMapping("/plans/{id}/on-a-page")
	String onAPage(@PathVariable long id, Model model) {
		PlanTree tree = tree(id);
		model.addAttribute("page", PlanOnAPage.of(tree));
		model.addAttribute("plan", tree.plan());
		return "plans/on-a-page";
	}

	/** Seed 000's dashboard: the plan's measures in a column for each pillar, with status and trend. */
	@GetMapping("/plans/{id}/dashboard")
	String dashboard(@PathVariable long id, Model model) {
		PlanTree tree = tree(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("columns", this.dashboard.of(tree));
		return "plans/dashboard";
	}

	@GetMapping("/plans/{id}/elements/{elementId}")
	String element(@PathVariable long id, @PathVariable long elementId, Model model) {
		PlanTree tree = tree(id);
		PlanElement element = tree.element(elementId).orElseThrow(() -> NotFound.because("There is no such element in this plan"));
		model.addAttribute("plan", tree.plan());
		model.addAttribute("element", element);
		model.addAttribute("ancestors", ancestors(tree, element));
		model.addAttribute("up", this.thread.up(elementId));
		model.addAttribute("nationalOutcomes", this.thread.nationalOutcomes(elementId));
		List<GoldenThread.PlanGroup> down = this.thread.down(elementId);
		model.addAttribute("down", down);
		ActionStatuses.Rollup serving = GoldenThread.rollup(down);
		model.addAttribute("serving", (serving.actions() > 0) ? serving : null);
		model.addAttribute("localityName", this.geographies.name(element.locality()));
		model.addAttribute("leadPages", this.partnerships.pagesOf(element.leads()));
		if (element.kind() == ElementKind.ACTION) {
			Scope scope = this.catalogue.scopeOf(tree.plan());
			ActionStatuses.Judged judged = this.statuses.of(tree);
			model.addAttribute("status", judged.of(element));
			model.addAttribute("asAt", judged.asAt(tree.plan()));
			model.addAttribute("history", this.history.timeline(elementId, this.access.maySeeUnpublished(scope)));
			model.addAttribute("mayUpdate", this.access.mayUpdate(scope, element.leads()));
			model.addAttribute("mayOwn", this.access.mayOwn(scope));
		}
		return "plans/element";
	}

	@GetMapping("/plans/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "yaml") String format) {
		return PlanApiController.download(this.catalogue, this.access, id, format);
	}

	@GetMapping("/plans/import")
	String importForm() {
		return "plans/import";
	}

	@PostMapping("/plans/import")
	String importPlan(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream in = file.getInputStream()) {
			long id = this.catalogue.importFile(in, PlanApiController.formatOf(file, null), this.access);
			return "redirect:/plans/" + id + "?imported";
		}
		catch (PlanImportException ex) {
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("problems", ex.problems());
			return "plans/import";
		}
	}

	private PlanTree tree(long id) {
		return this.catalogue.tree(id, this.access).orElseThrow(() -> NotFound.because("There is no such plan"));
	}

	private static List<PlanElement> ancestors(PlanTree tree, PlanElement element) {
		List<PlanElement> ancestors = new ArrayList<>();
		for (Long parent = element.parentId(); parent != null; parent = ancestors.get(ancestors.size() - 1).parentId()) {
			ancestors.add(tree.element(parent).orElseThrow());
		}
		Collections.reverse(ancestors);
		return ancestors;
	}

}
