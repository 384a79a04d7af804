package scot.goldenthread.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.shared.FormDates;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: their details, their password and their access tokens. */
@Controller
class AccountController {

	private final Access access;

	private final Accounts accounts;

	private final AccessTokens tokens;

	private final Places places;

	private final Clock clock;

	AccountController(Access access, Accounts accounts, AccessTokens tokens, Places places, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.tokens = tokens;
		this.places = places;
		this.clock = clock;
	}

	private Account me() {
		return this.access.current().orElseThrow();
	}

	@GetMapping("/account")
	String account(Model model) {
		Account me = me();
		model.addAttribute("account", me);
		model.addAttribute("grants", this.accounts.grants(me.id()));
		model.addAttribute("tokens", this.tokens.of(me.id()));
		model.addAttribute("places", this.places.all());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "people/account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!password.equals(confirm)) {
			errors.put("confirm", "The new passwords do not match");
		}
		else {
			try {
				this.accounts.changePassword(me().username(), current, password);
				redirect.addFlashAttribute("done", "Your password has been changed.");
			}
			catch (AccountException ex) {
				errors.put(ex.field(), ex.getMessage());
			}
		}
		redirect.addFlashAttribute("errors", errors);
		return "redirect:/account";
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam String name, @RequestParam(required = false) String expiresOn, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isBlank() || name.length() > 100) {
			errors.put("name", "Enter a name for the token of up to 100 characters, such as what will use it");
		}
		LocalDate expiry = FormDates.read("expiresOn", expiresOn, false, errors);
		if (expiry != null && expiry.isBefore(LocalDate.now(this.clock))) {
			errors.put("expiresOn", "The expiry date must be today or later");
		}
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("secret", this.tokens.create(me(), name.strip(), expiry));
		}
		redirect.addFlashAttribute("errors", errors);
		return "redirect:/account#tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(me(), id);
		redirect.addFlashAttribute("done", "The access token has been revoked.");
		return "redirect:/account#tokens";
	}

}
