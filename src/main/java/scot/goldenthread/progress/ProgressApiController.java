package scot.goldenthread.progress;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;

import scot.goldenthread.people.Access;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The update cycle of actions and measures for scripts: the same rules as the pages, because the same service keeps them. */
@RestController
@Tag(name = "Update cycle", description = "Reporting periods and the updates of actions and measures, from draft to approval")
class ProgressApiController {

	private final ProgressUpdates updates;

	private final MeasureUpdates measureUpdates;

	private final PlanCatalogue plans;

	private final Access access;

	ProgressApiController(ProgressUpdates updates, MeasureUpdates measureUpdates, PlanCatalogue plans, Access access) {
		this.updates = updates;
		this.measureUpdates = measureUpdates;
		this.plans = plans;
		this.access = access;
	}

	@GetMapping("/api/plans/{planId}/periods")
	List<ReportingPeriod> periods(@PathVariable long planId) {
		this.plans.plan(planId).orElseThrow(() -> NotFound.because("There is no plan " + planId));
		return this.updates.periods(planId);
	}

	/** An action's updates, latest first: the approved ones, and for those who may see them the rest too. */
	@GetMapping("/api/actions/{elementId}/updates")
	List<ProgressUpdate> updates(@PathVariable long elementId) {
		ProgressUpdates.Target target = this.updates.target(elementId);
		return this.updates.history(elementId, this.access.maySeeUnpublished(target.scope()) || this.updates.mayUpdate(target));
	}

	/**
	 * Saves the lead's update for a period: {@code {"progress": 40, "assessment": "on-track", "note": "...",
	 * "milestonesDone": [], "phase": "testing", "version": 0, "submit": false}}, where version is that of the update read, absent
	 * for a new one, and phase is given only for an improvement project.
	 */
	@PutMapping("/api/actions/{elementId}/updates/{periodId}")
	ProgressUpdate save(@PathVariable long elementId, @PathVariable long periodId, @RequestBody UpdateRequest request) {
		return this.updates.save(elementId, periodId, new ProgressUpdates.Draft((request.progress() != null) ? request.progress().toString() : null,
				request.assessment(), request.note(), request.milestonesDone(), request.version(), request.phase()), Boolean.TRUE.equals(request.submit()));
	}

	record UpdateRequest(Object progress, String assessment, String note, List<Long> milestonesDone, Integer version, Boolean submit,
			String phase) {
	}

	@PostMapping("/api/updates/{updateId}/approve")
	ProgressUpdate approve(@PathVariable long updateId, @RequestBody Map<String, Integer> body) {
		return this.updates.approve(updateId, version(body.get("version")));
	}

	@PostMapping("/api/updates/{updateId}/return")
	ProgressUpdate returnForChanges(@PathVariable long updateId, @RequestBody Map<String, Object> body) {
		return this.updates.returnForChanges(updateId, version(body.get("version")), (String) body.get("comment"));
	}

	/** A measure's updates, latest first: the approved ones, and all of them for those who see unpublished data. */
	@GetMapping("/api/measures/{code}/updates")
	List<MeasureUpdate> measureUpdates(@PathVariable String code) {
		this.measureUpdates.measure(code);
		boolean unpublished = this.measureUpdates.periods(code).stream()
			.map((p) -> this.measureUpdates.target(code, p.id()))
			.anyMatch((t) -> this.access.maySeeUnpublished(t.scope()) || this.measureUpdates.mayUpdate(t));
		return this.measureUpdates.history(code, unpublished);
	}

	/**
	 * Saves the lead's value for a period: {@code {"measurePeriod": "2022/23", "value": 14.3, "valueStatus": "final",
	 * "commentary": "...", "version": 0, "submit": false}}, where version is that of the update read, absent for a new one.
	 */
	@PutMapping("/api/measures/{code}/updates/{periodId}")
	MeasureUpdate saveMeasure(@PathVariable String code, @PathVariable long periodId, @RequestBody MeasureUpdateRequest request) {
		return this.measureUpdates.save(code, periodId, new MeasureUpdates.Draft(request.measurePeriod(),
				(request.value() != null) ? request.value().toString() : null, request.valueStatus(), request.commentary(), request.version()),
				Boolean.TRUE.equals(request.submit()));
	}

	record MeasureUpdateRequest(String measurePeriod, Object value, String valueStatus, String commentary, Integer version, Boolean submit) {
	}

	@PostMapping("/api/measure-updates/{updateId}/approve")
	MeasureUpdate approveMeasure(@PathVariable long updateId, @RequestBody Map<String, Integer> body) {
		return this.measureUpdates.approve(updateId, version(body.get("version")));
	}

	@PostMapping("/api/measure-updates/{updateId}/return")
	MeasureUpdate returnMeasure(@PathVariable long updateId, @RequestBody Map<String, Object> body) {
		return this.measureUpdates.returnForChanges(updateId, version(body.get("version")), (String) body.get("comment"));
	}

	private static int version(Object version) {
		if (!(version instanceof Integer v)) {
			throw new UpdateRefused("version", "Send the version of the update you read");
		}
		return v;
	}

	@ExceptionHandler
	ProblemDetail refused(Refused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail((ex instanceof UpdateConflict) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				ex.getMessage());
		problem.setTitle((ex instanceof UpdateConflict) ? "Changed by someone else" : "Update refused; nothing was changed");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

}
