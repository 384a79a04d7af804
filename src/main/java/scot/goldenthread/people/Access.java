package scot.goldenthread.people;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place that decides who may do what. Pages and the API ask it the same questions, so a rule
 * cannot be dodged by editing a URL or posting to the API.
 */
@Service
public class Access {

	private final Accounts accounts;

	Access(Accounts accounts) {
		this.accounts = accounts;
	}

	/** The person signed in, by form, single sign-on or access token. */
	public Optional<Account> current() {
		return signedIn().account();
	}

	private List<Grant> grants() {
		return signedIn().grants();
	}

	/** Who is signed in, with their grants; a page asks several questions of them, so they are read once a request. */
	private record SignedIn(String username, Optional<Account> account, List<Grant> grants) {
	}

	private static final String SIGNED_IN = Access.class.getName() + ".signedIn";

	private SignedIn signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String username = (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) ? null : authentication.getName();
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(SIGNED_IN, RequestAttributes.SCOPE_REQUEST) instanceof SignedIn known
				&& Objects.equals(known.username(), username)) {
			return known;
		}
		Optional<Account> account = (username != null) ? this.accounts.byUsername(username).filter(Account::enabled) : Optional.empty();
		SignedIn signedIn = new SignedIn(username, account, account.map((a) -> this.accounts.grants(a.id())).orElse(List.of()));
		if (request != null) {
			request.setAttribute(SIGNED_IN, signedIn, RequestAttributes.SCOPE_REQUEST);
		}
		return signedIn;
	}

	/**
	 * Whether someone, signed in or not, may update what leads lead where: for reminders and lists of work owed,
	 * asked of many things at once with the person's grants read once.
	 */
	public BiPredicate<Scope, Collection<String>> mayUpdate(Account account) {
		List<Grant> grants = this.accounts.grants(account.id());
		Set<String> groups = groups(account, grants);
		return (scope, leads) -> mayUpdate(account, grants.stream().filter((g) -> g.covers(scope)).toList(), leads) || named(groups, leads);
	}

	/** Whether the person is one of these leads: by name or job title, or as one of a group a lead names. */
	public Predicate<Collection<String>> leads(Account account) {
		Set<String> groups = groups(account, this.accounts.grants(account.id()));
		return (leads) -> account.isOneOf(leads) || named(groups, leads);
	}

	/**
	 * The groups the person leads with: the partnerships (an outcome improvement group, say) where they contribute or
	 * more. A lead naming one lets its contributors update what it leads, in whichever plan.
	 */
	private Set<String> groups(Account account, List<Grant> grants) {
		return grants.stream().anyMatch((g) -> g.partnershipId() != null && g.role().includes(Role.CONTRIBUTOR))
				? this.accounts.groupsOf(account.id()) : Set.of();
	}

	private static boolean named(Set<String> groups, Collection<String> leads) {
		return !groups.isEmpty() && leads.stream().anyMatch((lead) -> groups.contains(lead.strip().toLowerCase(Locale.ROOT)));
	}

	/** Who owns the plans there, by a grant of that role itself: those escalations and digests go to. */
	public List<Account> owners(Scope scope) {
		Map<Long, List<Grant>> owning = this.accounts.grantsOf(Role.PLAN_OWNER);
		return this.accounts.all().stream().filter(Account::enabled)
			.filter((a) -> owning.getOrDefault(a.id(), List.of()).stream().anyMatch((g) -> g.covers(scope)))
			.toList();
	}

	public boolean holds(Role role, Scope scope) {
		return grants().stream().anyMatch((g) -> g.role().includes(role) && g.covers(scope));
	}

	/** Holds the role, or a greater one, somewhere: enough for what belongs to no one plan, such as a measure. */
	public boolean holdsAnywhere(Role role) {
		return grants().stream().anyMatch((g) -> g.role().includes(role));
	}

	public boolean isAdministrator() {
		return grants().stream().anyMatch((g) -> g.role() == Role.ADMINISTRATOR && g.everywhere());
	}

	/** Sees what is not yet published there: drafts and updates waiting for approval. */
	public boolean maySeeUnpublished(Scope scope) {
		return holds(Role.VIEWER, scope);
	}

	public boolean mayOwn(Scope scope) {
		return holds(Role.PLAN_OWNER, scope);
	}

	/** An owner there, or a contributor there who is one of the leads. */
	public boolean mayUpdate(Scope scope, Collection<String> leads) {
		return mayUpdate((g) -> g.covers(scope), leads);
	}

	/** For what belongs to no one plan, such as a measure: an owner anywhere, or a contributor who is one of its leads. */
	public boolean mayUpdateAnywhere(Collection<String> leads) {
		return mayUpdate((g) -> true, leads);
	}

	/** A contributor (or more) somewhere who is one of these leads. */
	public boolean isContributingLead(Collection<String> leads) {
		SignedIn signedIn = signedIn();
		return signedIn.account().map((a) -> a.isOneOf(leads)).orElse(false) && holdsAnywhere(Role.CONTRIBUTOR);
	}

	private boolean mayUpdate(Predicate<Grant> where, Collection<String> leads) {
		SignedIn signedIn = signedIn();
		return signedIn.account().map((a) -> mayUpdate(a, signedIn.grants().stream().filter(where).toList(), leads)
				|| named(groups(a, signedIn.grants()), leads)).orElse(false);
	}

	private static boolean mayUpdate(Account account, List<Grant> grants, Collection<String> leads) {
		return grants.stream().anyMatch((g) -> g.role().includes(Role.PLAN_OWNER))
				|| (grants.stream().anyMatch((g) -> g.role().includes(Role.CONTRIBUTOR)) && account.isOneOf(leads));
	}

	/** Refuses, as the server must, whatever a page may have hidden. */
	public void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("You do not have permission to do that");
		}
	}

}
