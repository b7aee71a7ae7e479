package io.nextbox.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.nextbox.account.LoginThrottle;
import io.nextbox.platform.SecurityConfiguration;
import io.nextbox.platform.web.MoneyFormat;
import io.nextbox.store.StoreSettingsService;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: the named controllers with the real security, layout and templates, and the store's settings
 * mocked (stub them with {@link TestStore#settings()}), as is the login throttle.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ SecurityConfiguration.class, MoneyFormat.class })
@MockitoBean(types = { StoreSettingsService.class, LoginThrottle.class })
public @interface NextboxWebTest {

	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
