package scot.goldenthread.web;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description is made from the code and covers every API endpoint there is, with no sign-in to read it. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiEndpointIsDescribed() throws Exception {
		String docs = this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var described = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs);
		Set<String> operations = new TreeSet<>();
		described.get("paths").properties().forEach((path) -> path.getValue().properties()
			.forEach((method) -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream().filter((p) -> p.startsWith("/api/"))
			.forEach((path) -> info.getMethodsCondition().getMethods().forEach((m) -> endpoints.add(m.name() + " " + path))));
		assertThat(endpoints).hasSizeGreaterThan(25);
		assertThat(operations).containsAll(endpoints);
		assertThat(docs).contains("Open Government Licence v3.0", "\"bearer\"");
	}

	@Test
	void theApiPageIsThere() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
			.andExpect(content().string(containsString("swagger-ui")));
	}

}
