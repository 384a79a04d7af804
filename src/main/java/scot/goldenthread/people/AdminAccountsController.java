package scot.goldenthread.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.NotFound;

import org.springframework.http.HttpStatus;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators make accounts, give and take roles, unlock accounts and set new passwords. */
@Controller
class AdminAccountsController {

	private final Accounts accounts;

	private final PartnershipDirectory partnerships;

	private final Places places;

	private final Commands commands;

	AdminAccountsController(Accounts accounts, PartnershipDirectory partnerships, Places places, Commands commands) {
		this.accounts = accounts;
		this.partnerships = partnerships;
		this.places = places;
		this.commands = commands;
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("partners", partnerNames());
		return "people/accounts";
	}

	@GetMapping("/admin/accounts/new")
	String newAccount(Model model) {
		model.addAttribute("details", new Accounts.Details("", "", "", "", null));
		return form(model, null);
	}

	@PostMapping("/admin/accounts/new")
	String create(@Valid @ModelAttribute("details") Accounts.Details details, BindingResult errors, @RequestParam String password,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				long id = this.accounts.create(details, password.isEmpty() ? null : password);
				redirect.addFlashAttribute("done", "The account " + details.username() + " has been made.");
				return "redirect:/admin/accounts/" + id;
			}
			catch (AccountException ex) {
				Commands.reject(errors, ex.field(), ex.getMessage());
			}
		}
		model.addAttribute("errors", Commands.messages(errors));
		return form(model, null);
	}

	@GetMapping("/admin/accounts/{id}")
	String account(@PathVariable long id, Model model) {
		Account account = find(id);
		model.addAttribute("details", new Accounts.Details(account.username(), account.displayName(), account.email(),
				account.jobTitle(), account.partnerId()));
		return form(model, account);
	}

	@PostMapping("/admin/accounts/{id}")
	String update(@PathVariable long id, Accounts.Details form, @RequestParam(defaultValue = "false") boolean enabled, Model model,
			RedirectAttributes redirect) {
		Account account = find(id);
		// the username is the account's for good: what the form sends for it is ignored
		Accounts.Details details = new Accounts.Details(account.username(), form.displayName(), form.email(), form.jobTitle(),
				form.partnerId());
		BindingResult errors = this.commands.check(details);
		if (!errors.hasErrors()) {
			try {
				this.accounts.update(id, details, enabled);
				redirect.addFlashAttribute("done", "The account has been saved.");
				return "redirect:/admin/accounts/" + id;
			}
			catch (AccountException ex) {
				Commands.reject(errors, ex.field(), ex.getMessage());
			}
		}
		model.addAttribute("details", details);
		model.addAttribute("errors", Commands.messages(errors));
		return form(model, account);
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		find(id);
		try {
			this.accounts.resetPassword(id, password);
			redirect.addFlashAttribute("done", "The new password is set and the account is unlocked. Tell its owner through a safe channel.");
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("errors", Map.of("password", ex.getMessage()));
		}
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		this.accounts.unlock(id);
		redirect.addFlashAttribute("done", "The account is unlocked.");
		return "redirect:/admin/accounts/" + id;
	}

	/** where: "" for everywhere, "partnership:ID" or "plan:ID". */
	@PostMapping("/admin/accounts/{id}/grants")
	String grant(@PathVariable long id, @RequestParam String role, @RequestParam String where, RedirectAttributes redirect) {
		find(id);
		Role granted = Role.of(role).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such role"));
		Long partnership = where.startsWith("partnership:") ? Long.valueOf(where.substring(12)) : null;
		Long plan = where.startsWith("plan:") ? Long.valueOf(where.substring(5)) : null;
		this.accounts.grant(id, granted, partnership, plan);
		redirect.addFlashAttribute("done", "The role has been given.");
		return "redirect:/admin/accounts/" + id + "#roles";
	}

	@PostMapping("/admin/accounts/{id}/grants/{grant}/revoke")
	String revoke(@PathVariable long id, @PathVariable long grant, RedirectAttributes redirect) {
		find(id);
		this.accounts.revoke(id, grant);
		redirect.addFlashAttribute("done", "The role has been taken away.");
		return "redirect:/admin/accounts/" + id + "#roles";
	}

	private String form(Model model, Account account) {
		model.addAttribute("account", account);
		model.addAttribute("partners", partnerNames());
		if (account != null) {
			model.addAttribute("grants", this.accounts.grants(account.id()));
		}
		model.addAttribute("places", this.places.all());
		Map<String, String> roles = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			roles.put(role.code(), role.label());
		}
		model.addAttribute("roles", roles);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "people/account-admin";
	}

	private Map<Long, String> partnerNames() {
		Map<Long, String> names = new TreeMap<>();
		this.partnerships.partners().forEach((p) -> names.put(p.id(), p.name()));
		return names;
	}

	private Account find(long id) {
		return this.accounts.byId(id).orElseThrow(() -> NotFound.because("There is no such account"));
	}

}
