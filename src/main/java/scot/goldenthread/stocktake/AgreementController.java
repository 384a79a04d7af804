package scot.goldenthread.stocktake;

import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a partnership's board agreed about how it plans: read by anyone, recorded and removed by the partnership's owners. */
@Controller
class AgreementController {

	private final PartnershipDirectory partnerships;

	private final StockTakeRecords records;

	private final Access access;

	AgreementController(PartnershipDirectory partnerships, StockTakeRecords records, Access access) {
		this.partnerships = partnerships;
		this.records = records;
		this.access = access;
	}

	@GetMapping("/partnerships/{code}/agreements")
	String agreements(@PathVariable String code, Model model) {
		Partnership partnership = partnership(code);
		Scope scope = new Scope(null, partnership.id());
		boolean mayOwn = this.access.mayOwn(scope);
		model.addAttribute("partnership", partnership);
		model.addAttribute("agreements", this.records.agreements(code, this.access.maySeeUnpublished(scope)));
		model.addAttribute("mayOwn", mayOwn);
		model.addAttribute("titles", SixStatements.TITLES);
		if (mayOwn && !model.containsAttribute("form")) {
			model.addAttribute("form", new StockTakeRecords.AgreementForm(null, null, null, null, "public"));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		Map<String, String> statements = new LinkedHashMap<>();
		statements.put("", "None of them");
		for (int i = 0; i < SixStatements.TITLES.size(); i++) {
			statements.put(String.valueOf(i + 1), (i + 1) + ". " + SixStatements.TITLES.get(i));
		}
		model.addAttribute("statements", statements);
		return "stocktake/agreements";
	}

	@PostMapping("/partnerships/{code}/agreements")
	String add(@PathVariable String code, @ModelAttribute("form") StockTakeRecords.AgreementForm form, Model model, RedirectAttributes redirect) {
		Partnership partnership = owned(code);
		try {
			this.records.add(partnership, form);
			redirect.addFlashAttribute("done", "The agreement is recorded.");
			return "redirect:/partnerships/" + code + "/agreements";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return agreements(code, model);
		}
	}

	@PostMapping("/partnerships/{code}/agreements/{id}/remove")
	String remove(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
		if (!this.records.remove(owned(code), id)) {
			throw NotFound.because("The partnership has no such agreement");
		}
		redirect.addFlashAttribute("done", "The agreement is removed.");
		return "redirect:/partnerships/" + code + "/agreements";
	}

	private Partnership partnership(String code) {
		return this.partnerships.partnership(code).orElseThrow(() -> NotFound.because("There is no such partnership"));
	}

	private Partnership owned(String code) {
		Partnership partnership = partnership(code);
		this.access.require(this.access.mayOwn(new Scope(null, partnership.id())));
		return partnership;
	}

}
