package scot.goldenthread.people;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

	private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

	SignInController(ObjectProvider<ClientRegistrationRepository> singleSignOn) {
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, Model model) {
		if (error != null) {
			model.addAttribute("problem", "The username or password is not right. After " + Accounts.FAILURES_BEFORE_LOCK
					+ " failed sign-ins in a row an account is locked for " + Accounts.LOCK.toMinutes()
					+ " minutes: try again later, or ask an administrator to unlock it.");
		}
		Map<String, String> providers = new LinkedHashMap<>();
		if (this.singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
			registrations.forEach((r) -> providers.put(((ClientRegistration) r).getRegistrationId(), ((ClientRegistration) r).getClientName()));
		}
		model.addAttribute("singleSignOn", providers);
		return "people/sign-in";
	}

}
