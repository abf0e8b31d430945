package cn.beian.materials.rest;

import cn.beian.materials.domain.Material;
import cn.beian.materials.service.Caller;
import cn.beian.materials.service.DownloadService;
import cn.beian.materials.service.MaterialReads;
import cn.beian.materials.service.MaterialService;
import cn.beian.materials.service.UploadService;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * An order's materials: upload (the file is the request body, judged by its bytes), list, the missing list, read
 * (streamed or through a presigned URL of at most 5 minutes), remove, and the submission of curtain photos.
 */
@Path("/api/v1/orders/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Materials", description = "Uploaded materials of a filing order (备案材料) and what is still missing")
public class MaterialResource {

    private final MaterialService service;
    private final UploadService uploads;
    private final DownloadService downloads;
    private final MaterialReads reads;
    private final CurrentAccount account;

    public MaterialResource(MaterialService service, UploadService uploads, DownloadService downloads,
            MaterialReads reads, CurrentAccount account) {
        this.service = service;
        this.uploads = uploads;
        this.downloads = downloads;
        this.reads = reads;
        this.account = account;
    }

    @POST
    @Path("/materials")
    @Blocking
    @Consumes({"image/jpeg", "image/png", "image/*", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "uploadMaterial", summary = "Upload a material (the request body is the file: jpg/jpeg "
            + "or png, at most 2 MiB by default; judged by its bytes, not its name or Content-Type). Uploading the "
            + "same kind for the same owner again replaces it with a new version.")
    @RequestBody(content = @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile
            .openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored; Location names the material",
            content = @Content(schema = @Schema(implementation = MaterialView.class)))
    @APIResponse(responseCode = "400", description = "Unknown kind or owner, empty, undecodable or truncated image, "
            + "dimensions out of range", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order's state does not allow this material now "
            + "(currentState, allowedActions)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit (maxBytes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a jpg/jpeg or png by its bytes (detectedType)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("orderId") String orderId,
            @Parameter(description = "UNIT_CERTIFICATE, ID_FRONT, ID_BACK, ID_BOTH_SIDES, VERIFICATION_FORM, "
                    + "CURTAIN_PHOTO, AUTHORIZATION_LETTER, DOMAIN_CERTIFICATE, RESIDENCE_PERMIT, PRE_APPROVAL, "
                    + "EMPLOYMENT_PROOF, COMMITMENT_LETTER, HANDHELD_CERTIFICATE_PHOTO, NO_SEAL_STATEMENT, "
                    + "GUARANTEE_LETTER, ICP_LICENCE, ONLINE_CULTURE_LICENCE, SECURITIES_QUALIFICATION, NAME_APPROVAL, "
                    + "HAZARDOUS_CHEMICALS_LICENCE, NAME_CHANGE_CERTIFICATE, SECURITY_STAFF_CERTIFICATE, "
                    + "PARTY_BUILDING_PROOF, OTHER") @QueryParam("kind") String kind,
            @Parameter(description = "Whose document, as the required-materials list names it: subject, "
                    + "subject.principal, websites[<id>], websites[<id>].principal, "
                    + "websites[<id>].preApprovals[<TYPE>]") @QueryParam("ownerRef") String ownerRef,
            InputStream body, UriInfo uri) {
        return store(orderId, kind, ownerRef, () -> body, uri);
    }

    @POST
    @Path("/materials")
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "uploadMaterialForm", summary = "Upload a material as a form (multipart/form-data: "
            + "part 'file', and 'kind' / 'ownerRef' as parts or query parameters); the same checks and answers "
            + "as the raw upload")
    @APIResponse(responseCode = "201", description = "Stored; Location names the material",
            content = @Content(schema = @Schema(implementation = MaterialView.class)))
    @APIResponse(responseCode = "400", description = "No file part, unknown kind or owner, undecodable image, "
            + "dimensions out of range", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit (maxBytes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a jpg/jpeg or png by its bytes (detectedType)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uploadForm(@PathParam("orderId") String orderId, @QueryParam("kind") String kindQuery,
            @QueryParam("ownerRef") String ownerQuery, @RestForm("kind") String kindPart,
            @RestForm("ownerRef") String ownerPart, @RestForm("file") FileUpload file, UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("file", "FILE_MISSING",
                    "field.file-part-missing")));
        }
        // Quarkus streamed the part to a temporary file (deleted at the end of the request), not to memory.
        return store(orderId, kindPart != null ? kindPart : kindQuery, ownerPart != null ? ownerPart : ownerQuery,
                () -> {
                    try {
                        return java.nio.file.Files.newInputStream(file.uploadedFile());
                    } catch (IOException e) {
                        throw ProblemException.invalidFields(List.of(FieldViolation.of("file", "UPLOAD_INCOMPLETE",
                                "field.upload-incomplete")));
                    }
                }, uri);
    }

    private Response store(String orderId, String kind, String ownerRef, Supplier<InputStream> body, UriInfo uri) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        Material stored = uploads.upload(order, Caller.of(account), kind, ownerRef, body);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/orders/{o}/materials/{m}")
                .build(orderId, stored.id)).entity(MaterialView.of(stored)).build();
    }

    @GET
    @Path("/materials")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "listMaterials", summary = "The order's materials: the current one of each slot, or "
            + "every version with history=true")
    @APIResponse(responseCode = "200", description = "items",
            content = @Content(schema = @Schema(implementation = MaterialsView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours (reviewers: not under review)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MaterialsView> list(@PathParam("orderId") String orderId,
            @QueryParam("history") boolean history) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        return reads.overview(order, Caller.of(account), history)
                .map(om -> new MaterialsView(om.materials().stream().map(MaterialView::of).toList()));
    }

    @GET
    @Path("/required-materials")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "getRequiredMaterials", summary = "What the order needs, what is still missing and why "
            + "(with the docs/domain.md and docs/province-rules.md ids behind each item)")
    @APIResponse(responseCode = "200", description = "The list, judged at the order's current materials version",
            content = @Content(schema = @Schema(implementation = RequiredMaterialsView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequiredMaterialsView> required(@PathParam("orderId") String orderId,
            @HeaderParam("Accept-Language") String language) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        boolean en = language != null && language.startsWith("en");
        return reads.overview(order, Caller.of(account), false).map(om -> RequiredMaterialsView.of(om, en));
    }

    @GET
    @Path("/materials/{materialId}")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "getMaterial", summary = "One material's metadata (any version)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MaterialView.class)))
    @APIResponse(responseCode = "404", description = "No such material, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MaterialView> get(@PathParam("orderId") String orderId, @PathParam("materialId") String materialId) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        UUID id = Ids.parseOrNotFound(materialId, "Material");
        return reads.open(order, id, Caller.of(account), null).map(MaterialView::of);
    }

    @GET
    @Path("/materials/{materialId}/content")
    @Blocking
    @Produces({"image/jpeg", "image/png", Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "downloadMaterial", summary = "The material's bytes, streamed after the ownership "
            + "check (a reviewer's read is recorded)")
    @APIResponse(responseCode = "200", description = "The stored bytes; X-Content-SHA256 names their digest")
    @APIResponse(responseCode = "404", description = "No such material, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response content(@PathParam("orderId") String orderId, @PathParam("materialId") String materialId) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        UUID id = Ids.parseOrNotFound(materialId, "Material");
        DownloadService.Download d = downloads.stream(order, id, Caller.of(account));
        Material m = d.material();
        InputStream in = d.content();
        StreamingOutput out = os -> {
            try (in) {
                in.transferTo(os);
            }
        };
        return Response.ok(out, m.contentType).header("Content-Length", m.sizeBytes)
                .header("X-Content-SHA256", m.sha256).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/materials/{materialId}/download-url")
    @Blocking
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "getMaterialDownloadUrl", summary = "A presigned GET URL for the material that "
            + "lives at most 5 minutes (a reviewer's read is recorded when it is issued)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DownloadUrlView.class)))
    @APIResponse(responseCode = "404", description = "No such material, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DownloadUrlView downloadUrl(@PathParam("orderId") String orderId,
            @PathParam("materialId") String materialId) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        UUID id = Ids.parseOrNotFound(materialId, "Material");
        return DownloadUrlView.of(downloads.presign(order, id, Caller.of(account)));
    }

    @DELETE
    @Path("/materials/{materialId}")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "removeMaterial", summary = "Remove a material from its slot while the order's state "
            + "allows edits (the file is kept as an old version until the order's materials are purged)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such material, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order's state does not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> remove(@PathParam("orderId") String orderId, @PathParam("materialId") String materialId) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        UUID id = Ids.parseOrNotFound(materialId, "Material");
        return service.remove(order, id, Caller.of(account)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/photo-submissions")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "submitCurtainPhotos", summary = "Submit the curtain photos for photo review (in "
            + "AWAITING_PHOTO or PHOTO_REJECTED), by the applicant or a reviewer acting as verification point; "
            + "publishes material.photo-submitted")
    @APIResponse(responseCode = "202", description = "Submitted; the order moves to PHOTO_REVIEW",
            content = @Content(schema = @Schema(implementation = PhotoSubmissionView.class)))
    @APIResponse(responseCode = "400", description = "A website principal's curtain photo is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not awaiting photos",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submitPhotos(@PathParam("orderId") String orderId) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        return reads.submitPhotos(order, Caller.of(account))
                .map(p -> Response.accepted(PhotoSubmissionView.of(p)).build());
    }

    @GET
    @Path("/material-reads")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER})
    @Operation(operationId = "listMaterialReads", summary = "Every read of the order's materials by staff")
    @APIResponse(responseCode = "200", description = "items",
            content = @Content(schema = @Schema(implementation = MaterialReadsView.class)))
    public Uni<MaterialReadsView> readLog(@PathParam("orderId") String orderId) {
        UUID order = Ids.parseOrNotFound(orderId, "Order");
        return reads.readLog(order, Caller.of(account))
                .map(list -> new MaterialReadsView(list.stream().map(MaterialReadView::of).toList()));
    }
}
