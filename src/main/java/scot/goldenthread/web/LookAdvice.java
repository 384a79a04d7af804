package scot.goldenthread.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipLooks;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanTree;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a page about a partnership, or one of its plans, the partnership's own look ({@code look}), as the page's
 * model names them: {@code partnership}, {@code plan} or {@code tree}. A test that starts only a slice of the
 * application has no looks, and its pages none. A partnership's page offers its owners the form that sets its look.
 */
@Configuration
class LookAdvice implements WebMvcConfigurer, HandlerInterceptor {

	private final ObjectProvider<PartnershipLooks> looks;

	private final ObjectProvider<Access> access;

	LookAdvice(ObjectProvider<PartnershipLooks> looks, ObjectProvider<Access> access) {
		this.looks = looks;
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
		PartnershipLooks available = this.looks.getIfAvailable();
		if (available == null || page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
			return;
		}
		Object partnership = page.getModel().get("partnership");
		String code = partnershipOf(partnership, page.getModel().get("plan"), page.getModel().get("tree"));
		if (code != null) {
			available.of(code).ifPresent((look) -> page.addObject("look", look));
		}
		Access people = this.access.getIfAvailable();
		if (partnership instanceof Partnership p && people != null && people.mayOwn(new Scope(null, p.id()))) {
			page.addObject("maySetLook", true);
		}
	}

	private static String partnershipOf(Object partnership, Object plan, Object tree) {
		if (partnership instanceof Partnership p) {
			return p.code();
		}
		if (plan instanceof Plan p) {
			return p.partnershipCode();
		}
		return (tree instanceof PlanTree t) ? t.plan().partnershipCode() : null;
	}

}
