package scot.goldenthread.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	/** A new password, typed twice; {@link Accounts} holds what makes a password good enough. */
	record PasswordChange(@NotNull(message = ALL) String current, @NotNull(message = ALL) String password, @NotNull(message = ALL) String confirm) {

		static final String ALL = "Fill in all three password fields";

	}

	@PostMapping("/account/password")
	String changePassword(@Valid PasswordChange change, BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasErrors() && !change.password().equals(change.confirm())) {
			Commands.reject(errors, "confirm", "The new passwords do not match");
		}
		if (!errors.hasErrors()) {
			try {
				this.accounts.changePassword(me().username(), change.current(), change.password());
				redirect.addFlashAttribute("done", "Your password has been changed.");
			}
			catch (AccountException ex) {
				Commands.reject(errors, ex.field(), ex.getMessage());
			}
		}
		redirect.addFlashAttribute("errors", Commands.messages(errors));
		return "redirect:/account";
	}

	/** An access token as its owner asks for it. */
	record NewToken(@NotBlank(message = NAME) @Size(max = 100, message = NAME) String name, @DateInput.Valid(what = "the expiry date") DateInput expiresOn) {

		static final String NAME = "Enter a name for the token of up to 100 characters, such as what will use it";

	}

	@PostMapping("/account/tokens")
	String createToken(@Valid NewToken token, BindingResult errors, RedirectAttributes redirect) {
		LocalDate expiry = errors.hasFieldErrors("expiresOn") ? null : DateInput.date(token.expiresOn());
		if (expiry != null && expiry.isBefore(LocalDate.now(this.clock))) {
			Commands.reject(errors, "expiresOn", "The expiry date must be today or later");
		}
		if (!errors.hasErrors()) {
			redirect.addFlashAttribute("secret", this.tokens.create(me(), token.name().strip(), expiry));
		}
		redirect.addFlashAttribute("errors", Commands.messages(errors));
		return "redirect:/account#tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(me(), id);
		redirect.addFlashAttribute("done", "The access token has been revoked.");
		return "redirect:/account#tokens";
	}

}
