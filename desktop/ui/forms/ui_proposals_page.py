# generated — do not edit: compiled from forms/proposals_page.ui by build_scripts/compile_forms.py
# source-sha256: d42952168b3aaaa674f0c64f8e39032e168c0bf20941c1dd8061cf363023470c
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposals_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

class Ui_ProposalsPage(object):
    def setupUi(self, ProposalsPage):
        if not ProposalsPage.objectName():
            ProposalsPage.setObjectName(u"ProposalsPage")
        ProposalsPage.resize(1200, 720)
        self.mainLayout = QVBoxLayout(ProposalsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.titleLabel = QLabel(ProposalsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)

        self.topLayout.addWidget(self.titleLabel)

        self.reviewLabel = QLabel(ProposalsPage)
        self.reviewLabel.setObjectName(u"reviewLabel")

        self.topLayout.addWidget(self.reviewLabel)

        self.reviewCombo = QComboBox(ProposalsPage)
        self.reviewCombo.setObjectName(u"reviewCombo")
        self.reviewCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.topLayout.addWidget(self.reviewCombo)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.busyLabel = QLabel(ProposalsPage)
        self.busyLabel.setObjectName(u"busyLabel")

        self.topLayout.addWidget(self.busyLabel)

        self.busyBar = QProgressBar(ProposalsPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximumSize(QSize(100, 16777215))
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.topLayout.addWidget(self.busyBar)

        self.exportXlsxButton = QPushButton(ProposalsPage)
        self.exportXlsxButton.setObjectName(u"exportXlsxButton")

        self.topLayout.addWidget(self.exportXlsxButton)

        self.exportPdfButton = QPushButton(ProposalsPage)
        self.exportPdfButton.setObjectName(u"exportPdfButton")

        self.topLayout.addWidget(self.exportPdfButton)


        self.mainLayout.addLayout(self.topLayout)

        self.summaryLabel = QLabel(ProposalsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.bannerLabel = QLabel(ProposalsPage)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setVisible(False)
        self.bannerLabel.setWordWrap(True)
        self.bannerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.bannerLabel)

        self.quotaGroup = QGroupBox(ProposalsPage)
        self.quotaGroup.setObjectName(u"quotaGroup")
        self.quotaHostLayout = QVBoxLayout(self.quotaGroup)
        self.quotaHostLayout.setObjectName(u"quotaHostLayout")
        self.quotaHostLayout.setContentsMargins(-1, 4, -1, 4)

        self.mainLayout.addWidget(self.quotaGroup)

        self.proposalsMainSplitter = QSplitter(ProposalsPage)
        self.proposalsMainSplitter.setObjectName(u"proposalsMainSplitter")
        self.proposalsMainSplitter.setOrientation(Qt.Orientation.Vertical)
        self.proposalsMainSplitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.proposalsMainSplitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self.listPane)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.table)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.addCollectiveButton = QPushButton(self.listPane)
        self.addCollectiveButton.setObjectName(u"addCollectiveButton")

        self.listButtons.addWidget(self.addCollectiveButton)

        self.addIndividualButton = QPushButton(self.listPane)
        self.addIndividualButton.setObjectName(u"addIndividualButton")

        self.listButtons.addWidget(self.addIndividualButton)

        self.editButton = QPushButton(self.listPane)
        self.editButton.setObjectName(u"editButton")

        self.listButtons.addWidget(self.editButton)

        self.removeButton = QPushButton(self.listPane)
        self.removeButton.setObjectName(u"removeButton")

        self.listButtons.addWidget(self.removeButton)

        self.listSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listSpacer)

        self.searchEdit = QLineEdit(self.listPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(220, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.listButtons.addWidget(self.searchEdit)


        self.listLayout.addLayout(self.listButtons)

        self.detailLabel = QLabel(self.listPane)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setTextFormat(Qt.TextFormat.RichText)
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.listLayout.addWidget(self.detailLabel)

        self.proposalsMainSplitter.addWidget(self.listPane)
        self.proposalsBottomSplitter = QSplitter(self.proposalsMainSplitter)
        self.proposalsBottomSplitter.setObjectName(u"proposalsBottomSplitter")
        self.proposalsBottomSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.proposalsBottomSplitter.setChildrenCollapsible(False)
        self.breachGroup = QGroupBox(self.proposalsBottomSplitter)
        self.breachGroup.setObjectName(u"breachGroup")
        self.breachLayout = QVBoxLayout(self.breachGroup)
        self.breachLayout.setObjectName(u"breachLayout")
        self.breachTable = QTableView(self.breachGroup)
        self.breachTable.setObjectName(u"breachTable")
        self.breachTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breachTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.breachTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.breachTable.setWordWrap(True)
        self.breachTable.horizontalHeader().setStretchLastSection(True)
        self.breachTable.verticalHeader().setVisible(False)

        self.breachLayout.addWidget(self.breachTable)

        self.proposalsBottomSplitter.addWidget(self.breachGroup)
        self.suggestGroup = QGroupBox(self.proposalsBottomSplitter)
        self.suggestGroup.setObjectName(u"suggestGroup")
        self.suggestLayout = QVBoxLayout(self.suggestGroup)
        self.suggestLayout.setObjectName(u"suggestLayout")
        self.suggestTable = QTableView(self.suggestGroup)
        self.suggestTable.setObjectName(u"suggestTable")
        self.suggestTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.suggestTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestTable.setWordWrap(False)
        self.suggestTable.horizontalHeader().setStretchLastSection(True)
        self.suggestTable.verticalHeader().setVisible(False)

        self.suggestLayout.addWidget(self.suggestTable)

        self.suggestButtons = QHBoxLayout()
        self.suggestButtons.setObjectName(u"suggestButtons")
        self.suggestLabel = QLabel(self.suggestGroup)
        self.suggestLabel.setObjectName(u"suggestLabel")

        self.suggestButtons.addWidget(self.suggestLabel)

        self.proposeButton = QPushButton(self.suggestGroup)
        self.proposeButton.setObjectName(u"proposeButton")

        self.suggestButtons.addWidget(self.proposeButton)


        self.suggestLayout.addLayout(self.suggestButtons)

        self.proposalsBottomSplitter.addWidget(self.suggestGroup)
        self.proposalsMainSplitter.addWidget(self.proposalsBottomSplitter)

        self.mainLayout.addWidget(self.proposalsMainSplitter)

#if QT_CONFIG(shortcut)
        self.reviewLabel.setBuddy(self.reviewCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProposalsPage)
    # setupUi

    def retranslateUi(self, ProposalsPage):
        ProposalsPage.setWindowTitle(QCoreApplication.translate("ProposalsPage", u"Khen th\u01b0\u1edfng", None))
        self.titleLabel.setText(QCoreApplication.translate("ProposalsPage", u"<b>\u0110\u1ec1 ngh\u1ecb khen th\u01b0\u1edfng</b>", None))
        self.reviewLabel.setText(QCoreApplication.translate("ProposalsPage", u"  K\u1ef3 x\u00e9t k&hen th\u01b0\u1edfng:", None))
#if QT_CONFIG(accessibility)
        self.reviewCombo.setAccessibleName(QCoreApplication.translate("ProposalsPage", u"K\u1ef3 x\u00e9t khen th\u01b0\u1edfng", None))
#endif // QT_CONFIG(accessibility)
        self.busyLabel.setText(QCoreApplication.translate("ProposalsPage", u"\u0110ang t\u00ednh\u2026", None))
        self.exportXlsxButton.setText(QCoreApplication.translate("ProposalsPage", u"Xu\u1ea5t danh s\u00e1ch &Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportXlsxButton.setToolTip(QCoreApplication.translate("ProposalsPage", u"Ghi danh s\u00e1ch \u0111\u1ec1 ngh\u1ecb khen th\u01b0\u1edfng c\u1ee7a k\u1ef3 x\u00e9t ra t\u1ec7p Excel (.xlsx) nh\u01b0 v\u0103n ph\u00f2ng g\u1eedi \u0111i", None))
#endif // QT_CONFIG(tooltip)
        self.exportPdfButton.setText(QCoreApplication.translate("ProposalsPage", u"Xu\u1ea5t danh s\u00e1ch P&DF\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportPdfButton.setToolTip(QCoreApplication.translate("ProposalsPage", u"Ghi danh s\u00e1ch \u0111\u1ec1 ngh\u1ecb khen th\u01b0\u1edfng c\u1ee7a k\u1ef3 x\u00e9t ra t\u1ec7p PDF (v\u0103n b\u1ea3n h\u00e0nh ch\u00ednh)", None))
#endif // QT_CONFIG(tooltip)
        self.quotaGroup.setTitle(QCoreApplication.translate("ProposalsPage", u"H\u1ea1n m\u1ee9c khen th\u01b0\u1edfng", None))
        self.addCollectiveButton.setText(QCoreApplication.translate("ProposalsPage", u"Th\u00eam t\u1ead&p th\u1ec3\u2026", None))
        self.addIndividualButton.setText(QCoreApplication.translate("ProposalsPage", u"Th\u00eam &c\u00e1 nh\u00e2n\u2026", None))
        self.editButton.setText(QCoreApplication.translate("ProposalsPage", u"S\u1eed&a, h\u1ed3 s\u01a1\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("ProposalsPage", u"&X\u00f3a \u0111\u1ec1 ngh\u1ecb\u2026", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ProposalsPage", u"T\u00ecm t\u00ean, ch\u1ee9c v\u1ee5, \u0111\u01a1n v\u1ecb\u2026  Ctrl+F", None))
        self.breachGroup.setTitle(QCoreApplication.translate("ProposalsPage", u"Vi ph\u1ea1m quy \u0111\u1ecbnh c\u1ee7a k\u1ebf ho\u1ea1ch", None))
        self.suggestGroup.setTitle(QCoreApplication.translate("ProposalsPage", u"G\u1ee3i \u00fd t\u1eadp th\u1ec3 (\u0111\u1ea1t ti\u00eau chu\u1ea9n, x\u1ebfp h\u1ea1ng cao, ch\u01b0a \u0111\u1ec1 ngh\u1ecb)", None))
        self.proposeButton.setText(QCoreApplication.translate("ProposalsPage", u"\u0110\u1ec1 &ngh\u1ecb", None))
#if QT_CONFIG(tooltip)
        self.proposeButton.setToolTip(QCoreApplication.translate("ProposalsPage", u"\u0110\u1ec1 ngh\u1ecb khen th\u01b0\u1edfng t\u1eadp th\u1ec3 \u0111\u01b0\u1ee3c g\u1ee3i \u00fd \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

