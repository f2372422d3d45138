package cn.gov.enforcement.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} (springdoc, from the controllers and their Chinese
 * annotations), served at {@code /api/openapi.json} and shown by {@code /api-docs.html}. Like every
 * {@code /api} path it needs a login (HTTP Basic with the engine's users): the API is the bureau's
 * internal one, and the description of it is not published (docs/evidence.md, "API reference").
 */
@Configuration
class ApiDocumentation {

  static final String BASIC = "basic";

  @Bean
  OpenAPI enforcementApi() {
    return new OpenAPI()
        .info(new Info().title("行政执法工作流 API").version("1")
            .description("音像资料（上传、查找、查阅、保存）、案卷与归档包、审计日志、法定期限计算与年度放假安排。"
                + "所有接口均需以本系统用户 HTTP Basic 登录；拒绝时返回 {error, message}，message 为中文 + 英文。"
                + "流程与任务（Tasklist 所用）见 Camunda 自带的 /engine-rest，不在本文档中。"))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("basic").description("本系统用户名与密码（演示用户密码 demo）")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
