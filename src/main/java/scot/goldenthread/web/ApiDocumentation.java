package scot.goldenthread.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the generated API description says of the API as a whole: reads are open, writes take a token or a session. */
@Configuration
class ApiDocumentation {

	@Bean
	OpenAPI goldenThreadApi(@Value("${goldenthread.open-data.licence}") String licence,
			@Value("${goldenthread.open-data.licence-url}") String licenceUrl) {
		return new OpenAPI()
			.info(new Info().title("Golden Thread API")
				.description("""
						Plans, their actions and measures, the update cycle and reports of Scottish Community Planning \
						Partnerships. Published content is read without signing in. Writes need a personal access token \
						(made on /account, sent as "Authorization: Bearer gt_...") or a signed-in session with its CSRF token. \
						Errors are RFC 9457 problem details; refused input lists its problems by field in "errors".""")
				.version("1")
				.license(new License().name(licence).url(licenceUrl)))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gt_ personal access token")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
