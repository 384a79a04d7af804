package scot.goldenthread.partnerships;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

/**
 * The partnerships module on its own, with the database it stands on and nothing of the modules that use it:
 * the audit trail it reports to, and the plans and committee reports its pages list, are stand-ins.
 */
@ApplicationModuleTest(extraIncludes = { "database", "shared" })
class PartnershipsModuleTests {

	@Autowired
	PartnershipDirectory directory;

	@Autowired
	ApplicationContext context;

	@MockitoBean
	AuditLog audit;

	@MockitoBean
	PartnershipPlans plans;

	@MockitoBean
	PartnershipReports reports;

	@Test
	void aPartnershipIsAddedWithItsMembersAndReportedToTheAuditTrail() {
		this.directory.addPartner("module-test-council", "Module Test Council", true, null);
		this.directory.addPartnership("module-test-partnership", "Module Test Partnership", Partnership.Kind.THEMATIC, null, null, null,
				List.of("module-test-council"));
		assertThat(this.directory.members("module-test-partnership")).extracting(Partner::name).containsExactly("Module Test Council");
		assertThat(this.directory.partnershipsOf("module-test-council")).extracting(Partnership::name)
			.containsExactly("Module Test Partnership");
		verify(this.audit).created(eq("partnership"), anyLong(), eq("Added partnership Module Test Partnership"), any());
		// nothing of the other capabilities was started
		assertThat(this.context.getBeanNamesForType(scot.goldenthread.plans.PlanCatalogue.class)).isEmpty();
	}

}
