package scot.goldenthread.measures;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Role;
import scot.goldenthread.people.Scope;

import org.springframework.stereotype.Service;

/**
 * Who may change a measure (its values, their confirmation, its commentary and its definition), in one place
 * for pages and API alike: an administrator; an owner of a plan that uses it, or of that plan's partnership;
 * a contributor who is its lead. A measure no plan uses yet is any plan owner's.
 */
@Service
class MeasurePermissions {

	private final Access access;

	private final MeasureUses uses;

	MeasurePermissions(Access access, MeasureUses uses) {
		this.access = access;
		this.uses = uses;
	}

	public boolean mayChange(Measure measure) {
		return changeable().test(measure);
	}

	/** The test for many measures at once, with the measures' owners read once. */
	public Predicate<Measure> changeable() {
		if (this.access.isAdministrator()) {
			return (measure) -> true;
		}
		Map<String, Set<Scope>> owners = this.uses.owners();
		boolean ownerAnywhere = this.access.holdsAnywhere(Role.PLAN_OWNER);
		return (measure) -> {
			Set<Scope> where = owners.getOrDefault(measure.code(), Set.of());
			return (where.isEmpty() ? ownerAnywhere : where.stream().anyMatch(this.access::mayOwn))
					|| (measure.lead() != null && this.access.isContributingLead(List.of(measure.lead())));
		};
	}

	/**
	 * Whether the import is worth offering: to a contributor or owner anywhere, who may load some measure's values; a
	 * viewer may load none. Which measures, the import itself decides.
	 */
	public boolean mayImportSome() {
		return this.access.holdsAnywhere(Role.CONTRIBUTOR);
	}

	/** A file of one named measure may come from whoever may change it; a file of any measures, only from a plan owner. */
	public boolean mayImport(Measure named) {
		return (named != null) ? mayChange(named) : this.access.holdsAnywhere(Role.PLAN_OWNER);
	}

}
