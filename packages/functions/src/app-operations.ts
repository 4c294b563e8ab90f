/**
 * Operations shaped like the web app's main pages, for the API benchmarks (DynamoDB requests per
 * operation, latency). The app writes its own documents beside its pages (packages/web, typed by
 * gql.tada); these follow them by hand, so a page that asks for much more should be mirrored here.
 */

/** The search box: agencies by name, with enough to show a result line. */
export const AGENCY_SEARCH = /* GraphQL */ `
  query AgencySearch($search: String!, $region: String, $first: Int = 10) {
    agencies(search: $search, region: $region, first: $first) {
      edges {
        node {
          id
          name
          regionPath
          level
          reportCount
          latestYear
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** An agency: its details, one metric year by year, and its reports with their headline metrics. */
export const AGENCY_PAGE = /* GraphQL */ `
  query AgencyPage($id: ID!, $metric: MetricId! = REQUESTS_RECEIVED, $first: Int = 20, $after: String) {
    agency(id: $id) {
      id
      agencyId
      name
      aliases
      regionCode
      regionPath
      level
      reportCount
      latestYear
      updatedAt
      series(metric: $metric) {
        year
        form
        value
        comparable
        report {
          id
        }
      }
      reports(first: $first, after: $after) {
        edges {
          node {
            id
            year
            form
            agencyName
            publishedAt
            currentVersion
            versionCount
            valueCount
            findingCount
            metrics {
              metric
              label
              unit
              value
              comparable
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

/** A report: every figure with its source context and history, the findings, metrics, versions. */
export const REPORT_PAGE = /* GraphQL */ `
  query ReportPage($id: ID!, $radius: Int = 60) {
    report(id: $id) {
      id
      reportId
      year
      form
      agencyName
      publishedAt
      sourceUrl
      currentVersion
      versionCount
      valueCount
      findingCount
      updatedAt
      agency {
        id
        name
        regionPath
        level
        reportCount
      }
      metrics {
        metric
        label
        unit
        value
        comparable
        derived
        inputs
        missing
      }
      values {
        id
        code
        label
        unit
        current
        extracted
        currentYuan
        corrected
        source
        confidence
        span {
          start
          end
        }
        context(radius: $radius) {
          before
          text
          after
        }
        history {
          kind
          version
          from
          to
          at
          reason
        }
      }
      findings {
        rule
        scope
        severity
        message
        codes
        expected
        printed
      }
      versions {
        version
        status
        sourceHash
        ingestedAt
        publishedAt
        fileName
        bytes
        changes {
          code
          from
          to
        }
      }
    }
  }
`;

/** Reports side by side: the aligned rows, each with a cell per report in the order of `reports`. */
export const COMPARE_REPORTS = /* GraphQL */ `
  query CompareReports($reports: [ID!]!) {
    compare(reports: $reports) {
      __typename
      ... on QueryCompareSuccess {
        data {
          reports {
            id
            year
            form
            agencyName
            agency {
              id
              name
            }
          }
          rows {
            key
            kind
            label
            unit
            comparable
            reason
            deltas
            cells {
              status
              value
              unit
              yuan
            }
          }
        }
      }
      ... on Error {
        message
      }
      ... on InvalidInputError {
        issues {
          field
          message
        }
      }
    }
  }
`;

/** Every operation by its name, for tools that list or persist them. */
export const APP_OPERATIONS = {
  AgencySearch: AGENCY_SEARCH,
  AgencyPage: AGENCY_PAGE,
  ReportPage: REPORT_PAGE,
  CompareReports: COMPARE_REPORTS,
} as const;
