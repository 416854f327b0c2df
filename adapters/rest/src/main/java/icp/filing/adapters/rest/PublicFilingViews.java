package icp.filing.adapters.rest;

import icp.filing.application.query.PublicFiling;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;

/** Public query results to JSON views: a plain field copy, so MapStruct writes it and checks nothing is left out. */
@Mapper(componentModel = "jsr330", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface PublicFilingViews {
    PublicFilingView toView(PublicFiling filing);
}
