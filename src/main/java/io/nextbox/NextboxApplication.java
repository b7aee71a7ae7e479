package io.nextbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NextboxApplication {

	public static void main(String[] args) {
		SpringApplication.run(NextboxApplication.class, args);
	}

}
