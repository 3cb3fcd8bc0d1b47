# The application built from the source and run on a Java 17 runtime, as a non-root user:
#   docker compose up --build
# Stage 1 builds with the Maven wrapper (its first run needs a Maven, which the build stage installs); the
# dependencies are a layer of their own, fetched again only when pom.xml changes. Stage 2 runs the application's jar
# extracted beside its libraries, in Spring Boot's layers copied from the least to the most often changed, with a
# class-data sharing archive made in the image: the classes come parsed and verified, and a start takes a third less.
FROM eclipse-temurin:17.0.15_6-jdk AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends maven \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -ntp dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
COPY dmn dmn
RUN ./mvnw -B -q -ntp -DskipTests package \
    && java -Djarmode=tools -jar target/pmo-service-lifecycle-*.jar extract --layers \
        --application-filename application.jar --destination /layers

FROM eclipse-temurin:17.0.15_6-jre
# a fixed id, so that a cluster can require it (deploy/k8s: runAsUser)
RUN groupadd --system --gid 10001 pmo && useradd --system --uid 10001 --gid pmo --home-dir /app --no-create-home pmo
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# the archive's training run, by the runtime's own JVM: the embedded default on an in-memory database, no demo,
# stopped once the context is refreshed; the JVM writes the classes it loaded at the exit
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
        --server.port=0 --spring.datasource.url=jdbc:h2:mem:training --pmo.demo.enabled=false
USER pmo

# production settings come from the environment: DB_URL, DB_USERNAME, DB_PASSWORD, ADMIN_USER, ADMIN_PASSWORD, …
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# ready when the application takes requests; the image has bash but no HTTP client: ask over bash's /dev/tcp
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
# an archive the JVM cannot use (another JVM, other options) is left aside: the start is then only slower
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"]
