package scot.goldenthread.stocktake;

import scot.goldenthread.people.Access;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.NotFound;

import org.springframework.stereotype.Component;

/** A plan as the person asking may see it, and what they may do with its records. */
@Component
class PlanAccess {

	private final PlanCatalogue plans;

	private final Access access;

	PlanAccess(PlanCatalogue plans, Access access) {
		this.plans = plans;
		this.access = access;
	}

	PlanTree tree(long id) {
		return this.plans.tree(id, this.access).orElseThrow(() -> NotFound.because("There is no such plan"));
	}

	boolean mayOwn(PlanTree tree) {
		return this.access.mayOwn(this.plans.scopeOf(tree.plan()));
	}

	/** Whether they see the records not published: contacts, and those kept to the partnership. */
	boolean seesUnpublished(PlanTree tree) {
		return this.access.maySeeUnpublished(this.plans.scopeOf(tree.plan()));
	}

	/** The plan, for one who owns it. */
	PlanTree owned(long id) {
		PlanTree tree = tree(id);
		this.access.require(mayOwn(tree));
		return tree;
	}

}
