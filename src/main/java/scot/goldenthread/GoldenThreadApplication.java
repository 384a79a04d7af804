package scot.goldenthread;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GoldenThreadApplication {

	public static void main(String[] args) {
		SpringApplication.run(GoldenThreadApplication.class, args);
	}

	/** The one clock every rule reads "today" from, so a test can set the date it is judged on. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
