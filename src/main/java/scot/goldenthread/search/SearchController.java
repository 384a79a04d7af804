package scot.goldenthread.search;

import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.measures.StatusEngine;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.shared.Commands;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: a form that is a plain GET, so results can be bookmarked and shared. */
@Controller
class SearchController {

	private final Search search;

	SearchController(Search search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String lead,
			@RequestParam(required = false) String partner, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Search.Query query = new Search.Query(Commands.typed(q), Commands.typed(lead), Commands.typed(partner), Commands.typed(status));
		model.addAttribute("query", query);
		model.addAttribute("statuses", statuses());
		if (!query.isEmpty()) {
			model.addAttribute("results", this.search.find(query, page));
		}
		return "search/search";
	}

	private static Map<String, String> statuses() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "Any");
		for (ExpectedOutcome outcome : ExpectedOutcome.values()) {
			options.put("action:" + outcome.code(), "Action: " + outcome.label());
		}
		for (StatusEngine.Status status : StatusEngine.Status.values()) {
			options.put("measure:" + status.code(), "Measure: " + status.label());
		}
		return options;
	}

}
